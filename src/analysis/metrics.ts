/** Part-level measures: bounding boxes (part and faces) and volume. */
import type { Bnd_Box, TopoDS_Shape } from 'replicad-opencascadejs';
import type { Box3, Mesh, SurfaceType, Vec3 } from './result.ts';
import type { OC } from './occt/engine.ts';
import { measureOf } from './occt/mass.ts';
import { withScope } from './occt/scope.ts';

/**
 * A quick, possibly loose box (B-spline control hulls) to size the mesh deflection before any
 * triangulation exists. Not reported: the part's box comes from `faceBoxes` after meshing.
 */
export function roughBoundingBox(oc: OC, shape: TopoDS_Shape): Box3 {
  return withScope((s) => {
    const box = s.track(new oc.Bnd_Box());
    oc.BRepBndLib.Add(shape, box, false);
    return readBox(box);
  });
}

function readBox(box: Bnd_Box): Box3 {
  if (box.IsVoid()) return { min: [0, 0, 0], max: [0, 0, 0] };
  return { min: [box.GetXMin(), box.GetYMin(), box.GetZMin()], max: [box.GetXMax(), box.GetYMax(), box.GetZMax()] };
}

export function diagonal(box: Box3): number {
  return Math.hypot(box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]);
}

export function volumeOf(oc: OC, shape: TopoDS_Shape): number {
  return measureOf(oc, shape, 'volume');
}

/**
 * Surfaces whose exact box OCC finds cheaply. Measured on a 669-face plate: planes, cylinders and
 * cones take 0.1 ms a face; tori 9 ms and B-splines 1 ms, so those take their box from the mesh.
 */
const EXACT_BOX_SURFACES = new Set<SurfaceType>(['plane', 'cylinder', 'cone', 'sphere']);

/**
 * Per-face boxes: exact geometry for analytic faces, the face's triangles for freeform faces
 * (then within the mesh deflection of the true extent).
 */
export function faceBoxes(oc: OC, faces: TopoDS_Shape[], surfaces: SurfaceType[], mesh: Mesh): Box3[] {
  const meshBoxes = triangleBoxes(mesh);
  return faces.map((face, i) => {
    if (!EXACT_BOX_SURFACES.has(surfaces[i]!)) return meshBoxes[i]!;
    return withScope((s) => {
      const box = s.track(new oc.Bnd_Box());
      oc.BRepBndLib.AddOptimal(face, box, false, false);
      return readBox(box);
    });
  });
}

export function unionBox(boxes: Box3[]): Box3 {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a]!, b.min[a]!);
      max[a] = Math.max(max[a]!, b.max[a]!);
    }
  }
  return boxes.length > 0 ? { min, max } : { min: [0, 0, 0], max: [0, 0, 0] };
}

function triangleBoxes(mesh: Mesh): Box3[] {
  const { positions, indices, faceRanges } = mesh;
  return faceRanges.map(([first, count]) => {
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (let k = first * 3; k < (first + count) * 3; k++) {
      const v = indices[k]! * 3;
      for (let a = 0; a < 3; a++) {
        const x = positions[v + a]!;
        if (x < min[a]!) min[a] = x;
        if (x > max[a]!) max[a] = x;
      }
    }
    return count > 0 ? { min, max } : { min: [0, 0, 0], max: [0, 0, 0] };
  });
}
