/** Part-level measures: bounding box, stock size, volume, area, and per-face boxes from the mesh. */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import type { Box3, Mesh, Vec3 } from './result.ts';
import type { OC } from './occt/engine.ts';

export function boundingBox(oc: OC, shape: TopoDS_Shape): Box3 {
  const box = new oc.Bnd_Box();
  try {
    // Exact geometry, no tolerance padding: the box is what the customer's stock must hold.
    oc.BRepBndLib.AddOptimal(shape, box, false, false);
    if (box.IsVoid()) return { min: [0, 0, 0], max: [0, 0, 0] };
    return {
      min: [box.GetXMin(), box.GetYMin(), box.GetZMin()],
      max: [box.GetXMax(), box.GetYMax(), box.GetZMax()],
    };
  } finally {
    box.delete();
  }
}

export function diagonal(box: Box3): number {
  return Math.hypot(box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]);
}

/** Axis-aligned block sizes, largest first. */
export function stockSize(box: Box3): Vec3 {
  const d = [0, 1, 2].map((i) => box.max[i]! - box.min[i]!).sort((a, b) => b - a);
  return [d[0]!, d[1]!, d[2]!];
}

export function volumeOf(oc: OC, shape: TopoDS_Shape): number {
  const props = new oc.GProp_GProps();
  try {
    oc.BRepGProp.VolumeProperties(shape, props, true, false, false);
    return props.Mass();
  } finally {
    props.delete();
  }
}

/** Tight per-face boxes from the triangles of each face (within the mesh deflection). */
export function faceBoxes(mesh: Mesh): Box3[] {
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
