/**
 * A solid whose faces carry a class label and a feature instance, kept through every boolean and
 * fillet/chamfer by the engine's shape history: a face that descends from a face of the previous
 * solid (Modified, or kept as is) keeps that face's label; every other face of the result was made
 * by the new tool (a cut's tool faces, a fillet's or chamfer's new faces) and takes the new label.
 */
import type { BRepBuilderAPI_MakeShape, TopoDS_Edge, TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { free, withScope, type ShapeIndex } from '../../../src/analysis/index.ts';
import type { Builder } from './occ.ts';

export interface History {
  Modified(s: TopoDS_Shape): { Size(): number; First(): TopoDS_Shape; RemoveFirst(): void; delete(): void };
  IsDeleted(s: TopoDS_Shape): boolean;
}

export class LabelledSolid {
  private constructor(
    private readonly b: Builder,
    public shape: TopoDS_Shape,
    public faces: ShapeIndex<TopoDS_Face>,
    public labels: number[],
    public instances: number[],
  ) {}

  static of(b: Builder, shape: TopoDS_Shape, label: number | ((face: TopoDS_Face) => number)): LabelledSolid {
    const faces = b.faces(shape);
    const labels = faces.shapes.map((f) => (typeof label === 'number' ? label : label(f)));
    return new LabelledSolid(
      b,
      shape,
      faces,
      labels,
      faces.shapes.map(() => 0),
    );
  }

  /**
   * Cuts `tool` away (the tool is deleted). Returns false, and leaves the solid as it was, when
   * the cut fails, removes nothing, splits the part, or leaves a sliver face (under minArea).
   */
  cut(tool: TopoDS_Shape, label: number, instance: number, minArea: number): boolean {
    const oc = this.b.oc;
    return withScope((s) => {
      s.track(tool);
      const progress = s.track(new oc.Message_ProgressRange());
      const op = s.track(new oc.BRepAlgoAPI_Cut(this.shape, tool, progress));
      if (!op.IsDone() || op.HasErrors()) return false;
      return this.adopt(op.Shape(), op as unknown as History, label, instance, minArea, true);
    });
  }

  /** Rounds (radius) or chamfers (distance) the given edges of the current solid. */
  blend(kind: 'fillet' | 'chamfer', edges: TopoDS_Edge[], size: number, label: number, instance: number, minArea: number): boolean {
    const oc = this.b.oc;
    return withScope((s) => {
      const maker = s.track(
        kind === 'fillet'
          ? new oc.BRepFilletAPI_MakeFillet(this.shape, oc.ChFi3d_FilletShape.ChFi3d_Rational)
          : new oc.BRepFilletAPI_MakeChamfer(this.shape),
      );
      const progress = s.track(new oc.Message_ProgressRange());
      try {
        for (const e of edges) maker.Add(size, e);
        maker.Build(progress);
        if (!maker.IsDone()) return false;
        return this.adopt(maker.Shape(), maker as unknown as BRepBuilderAPI_MakeShape, label, instance, minArea, false);
      } catch {
        return false;
      }
    });
  }

  private adopt(result: TopoDS_Shape, history: History, label: number, instance: number, minArea: number, mustShrink: boolean): boolean {
    const b = this.b;
    if (b.count(result, 'SOLID') !== 1 || b.count(result, 'SHELL') !== 1) return reject(result);
    if (mustShrink && b.volume(result) > b.volume(this.shape) * (1 - 1e-7)) return reject(result);
    const faces = b.faces(result);
    const labels = new Array<number>(faces.size).fill(-1);
    const instances = new Array<number>(faces.size).fill(instance);
    const kept = new Array<boolean>(faces.size).fill(false);
    this.faces.shapes.forEach((old, i) => {
      if (history.IsDeleted(old)) return;
      const list = history.Modified(old);
      const heirs: number[] = [];
      if (list.Size() === 0) {
        const j = faces.find(old);
        heirs.push(j);
        if (j >= 0) kept[j] = true;
      }
      while (list.Size() > 0) {
        const s = list.First();
        heirs.push(faces.find(s));
        free(s);
        list.RemoveFirst();
      }
      free(list);
      for (const j of heirs) {
        if (j < 0 || labels[j] !== -1) continue;
        labels[j] = this.labels[i]!;
        instances[j] = this.instances[i]!;
      }
    });
    for (let j = 0; j < labels.length; j++) if (labels[j] === -1) labels[j] = label;
    // Slivers (a feature that only grazes the material or an edge) would be label noise: refuse.
    if (faces.shapes.some((f, j) => !kept[j] && b.area(f) < minArea)) {
      faces.dispose();
      return reject(result);
    }
    this.faces.dispose();
    free(this.shape);
    this.shape = result;
    this.faces = faces;
    this.labels = labels;
    this.instances = instances;
    return true;
  }

  /** Edges of the current solid with the labels of the faces on either side. */
  edges(): { edge: TopoDS_Edge; faces: number[] }[] {
    const oc = this.b.oc;
    const { TopAbs_EDGE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
    const found: { edge: TopoDS_Edge; faces: number[] }[] = [];
    this.faces.shapes.forEach((face, fi) => {
      withScope((s) => {
        const ex = s.track(new oc.TopExp_Explorer(face, TopAbs_EDGE, TopAbs_SHAPE));
        for (; ex.More(); ex.Next()) {
          const e = oc.TopoDS.Edge(ex.Current());
          const known = found.find((x) => x.edge.IsSame(e));
          if (known) {
            if (!known.faces.includes(fi)) known.faces.push(fi);
            free(e);
          } else found.push({ edge: e, faces: [fi] });
        }
      });
    });
    return found;
  }

  dispose(): void {
    this.faces.dispose();
    free(this.shape);
  }
}

function reject(shape: TopoDS_Shape): false {
  free(shape);
  return false;
}
