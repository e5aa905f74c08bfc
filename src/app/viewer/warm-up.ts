/**
 * The viewer's warm-up, run while the user picks a file: everything the first part's first frame
 * would otherwise do for the first time, done on a tiny part instead. Its shaders are compiled
 * (in parallel where the GL allows), then it is built like a real part (buildPartGeometry, the
 * BVH) and drawn once through the real renderer, so that the JavaScript of those paths is compiled
 * and the GL's own first-draw work is done: a software GL (SwiftShader, headless Chromium) compiles
 * its drawing routines at the first draw of each state, not when the program links. The real
 * scene is drawn over it in the same task, so the tiny part never reaches the screen.
 */
import { DirectionalLight, HemisphereLight, LineSegments, Mesh, PerspectiveCamera, Scene, type Camera, type WebGLRenderer } from 'three';
import type { ShownPart } from '../types.ts';
import { paint } from './colors.ts';
import { edgeMaterial, faceMaterial, LIGHTS } from './materials.ts';
import { buildPartGeometry, ensureBvh } from './part-geometry.ts';

/** A 1 mm tetrahedron laid out as the worker's meshes are: a face per triangle, its own vertices. */
function tinyPart(): ShownPart {
  const corners = [
    [0, 0, 0],
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ] as const;
  const faces = [
    [0, 2, 1],
    [0, 1, 3],
    [0, 3, 2],
    [1, 2, 3],
  ] as const;
  const positions = new Float32Array(faces.flatMap((f) => f.flatMap((c) => [...corners[c]])));
  // Flat normals are not needed to warm anything up: any unit vector does.
  const normals = new Float32Array(positions.length).fill(Math.SQRT1_2);
  const edges = [
    [0, 1],
    [0, 2],
    [0, 3],
    [1, 2],
    [1, 3],
    [2, 3],
  ] as const;
  const mesh: ShownPart['mesh'] = {
    positions,
    normals,
    indices: Uint32Array.from(positions.subarray(0, positions.length / 3), (_, i) => i),
    faceRanges: faces.map((_, i) => [i, 1] as [number, number]),
    edgePositions: new Float32Array(edges.flatMap((e) => e.flatMap((c) => [...corners[c]]))),
    edgeRanges: edges.map((_, i) => [2 * i, 2] as [number, number]),
    linearDeflection: 0.01,
    angularDeflection: 0.5,
  };
  return { mesh, part: { bbox: { min: [0, 0, 0], max: [1, 1, 1] } }, faces: [] };
}

export interface ViewerState {
  gl: WebGLRenderer;
  scene: Scene;
  camera: Camera;
  invalidate(): void;
}

export function warmUpViewer({ gl, scene, camera, invalidate }: ViewerState): void {
  const part = tinyPart();
  const geom = buildPartGeometry(part);
  paint(geom.colors, geom.faceOfVertex, part.mesh.faceRanges.length, {
    tree: null,
    colorByFeature: false,
    highlighted: [],
    primaryFace: null,
    hovered: [],
  });
  ensureBvh(geom.mesh);
  const warm = new Scene();
  // Programs depend on the lights: the same kinds and counts as the viewer's scene.
  warm.add(new HemisphereLight(...LIGHTS.hemisphere), new DirectionalLight('#ffffff', LIGHTS.head.intensity));
  warm.add(new Mesh(geom.mesh, faceMaterial), new LineSegments(geom.edges, edgeMaterial));
  // Its own camera, looking right at it: the viewer's may not be aimed yet, and a part culled or
  // clipped away would leave the GL's drawing routines cold.
  const look = new PerspectiveCamera(30, 1, 0.1, 100);
  look.position.set(3, 3, 3);
  look.lookAt(0, 0, 0);
  gl.compileAsync(warm, look)
    .then(() => {
      gl.render(warm, look);
      gl.render(scene, camera);
      invalidate();
    })
    .catch(() => undefined)
    .finally(() => geom.dispose());
}
