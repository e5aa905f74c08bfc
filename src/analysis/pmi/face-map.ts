/**
 * STEP face instances (ADVANCED_FACE #ids) → our face ids. This engine build does not expose the
 * reader's entity map (no Transfer_TransientProcess), so the map is rebuilt from what the reader
 * is known to do: it makes each solid's shell from the shell's face list in order, and our face
 * ids are TopExp order over those shells (occt/shape-index.ts), so the i-th distinct face of the
 * solids' shells, in file order, is face i. That order is then checked face by face against the
 * surface types the engine read: a file the reader transferred differently (instanced solids,
 * faces it split or dropped) gets no map rather than a wrong one.
 */
import type { SurfaceType } from '../result.ts';
import type { StepFile } from './step-file.ts';
import { refOf, refsOf } from './step-values.ts';

export interface FaceMap {
  /** STEP instance id → face id, empty when the check failed. */
  faces: Map<number, number>;
  /** Why the map is empty (for the CLI and tests); undefined when it holds. */
  problem?: string;
}

/** The written surface type per STEP surface entity, in our names. */
const SURFACE_NAMES: [string, SurfaceType][] = [
  ['PLANE', 'plane'],
  ['CYLINDRICAL_SURFACE', 'cylinder'],
  ['CONICAL_SURFACE', 'cone'],
  ['SPHERICAL_SURFACE', 'sphere'],
  ['TOROIDAL_SURFACE', 'torus'],
  ['DEGENERATE_TOROIDAL_SURFACE', 'torus'],
  ['B_SPLINE_SURFACE', 'bspline'],
  ['B_SPLINE_SURFACE_WITH_KNOTS', 'bspline'],
  ['BEZIER_SURFACE', 'bezier'],
  ['SURFACE_OF_REVOLUTION', 'revolution'],
  ['SURFACE_OF_LINEAR_EXTRUSION', 'extrusion'],
  ['OFFSET_SURFACE', 'offset'],
];

const SOLID_TYPES = ['MANIFOLD_SOLID_BREP', 'BREP_WITH_VOIDS'];

export interface WrittenFace {
  /** The type the engine read: a recognised B-spline keeps 'bspline' here (its surfaceSource). */
  written: SurfaceType;
}

export function mapFaces(file: StepFile, faces: readonly WrittenFace[]): FaceMap {
  const order = shellFaceOrder(file);
  if (order.length !== faces.length) {
    return { faces: new Map(), problem: `the file's solids hold ${order.length} faces, the part read has ${faces.length}` };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < order.length; i++) {
    const written = surfaceTypeOf(file, order[i]!);
    // 'other' is a surface this table does not name: no evidence either way.
    if (written !== 'other' && written !== faces[i]!.written) {
      return { faces: new Map(), problem: `face ${i} (#${order[i]}) is written as ${written}, read as ${faces[i]!.written}` };
    }
    map.set(order[i]!, i);
  }
  return { faces: map };
}

/** ADVANCED_FACE ids of every solid's shells, file order, each once. */
function shellFaceOrder(file: StepFile): number[] {
  const solids = [...new Set(SOLID_TYPES.flatMap((t) => file.ofType(t)))].sort((a, b) => a - b);
  const seen = new Set<number>();
  const order: number[] = [];
  for (const solid of solids) {
    // BREP_WITH_VOIDS is written simple (name, outer, voids) or complex with MANIFOLD_SOLID_BREP (name, outer) + (voids).
    const brep = file.params(solid, 'MANIFOLD_SOLID_BREP');
    const voids = file.params(solid, 'BREP_WITH_VOIDS');
    const shells = brep ? [refOf(brep[1]), ...refsOf(voids?.[0])] : [refOf(voids?.[1]), ...refsOf(voids?.[2])];
    for (const shell of shells) {
      if (shell === undefined) continue;
      for (const face of shellFaces(file, shell)) {
        if (!seen.has(face)) {
          seen.add(face);
          order.push(face);
        }
      }
    }
  }
  return order;
}

function shellFaces(file: StepFile, shell: number): number[] {
  // An ORIENTED_CLOSED_SHELL wraps the shell it reverses: (name, *, closed_shell_element, orientation).
  const oriented = file.params(shell, 'ORIENTED_CLOSED_SHELL');
  if (oriented) {
    const inner = refOf(oriented[2]);
    return inner === undefined || inner === shell ? [] : shellFaces(file, inner);
  }
  const closed = file.params(shell, 'CLOSED_SHELL') ?? file.params(shell, 'OPEN_SHELL');
  return refsOf(closed?.[1]).flatMap((f) => orientedFaceTarget(file, f));
}

/** An ORIENTED_FACE names the face it reverses; its id is that face's. */
function orientedFaceTarget(file: StepFile, face: number): number[] {
  const oriented = file.params(face, 'ORIENTED_FACE');
  if (!oriented) return [face];
  const inner = refOf(oriented[2]);
  return inner === undefined ? [] : [inner];
}

export function surfaceTypeOf(file: StepFile, face: number): SurfaceType {
  const params = file.params(face, 'ADVANCED_FACE') ?? file.params(face, 'FACE_SURFACE');
  const surface = refOf(params?.[2]);
  if (surface === undefined) return 'other';
  for (const [name, type] of SURFACE_NAMES) if (file.is(surface, name)) return type;
  return 'other';
}
