/**
 * The part's materials, one pair for the app's lifetime, and a shader warm-up. A new part must not
 * compile shaders again (r3f is told not to dispose these), and the first part should not wait
 * for the first compile either: under a software GL (headless Chromium) that alone takes seconds.
 */
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  DirectionalLight,
  DoubleSide,
  HemisphereLight,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshStandardMaterial,
  Scene,
  type Camera,
  type WebGLRenderer,
} from 'three';

export const faceMaterial = new MeshStandardMaterial({
  vertexColors: true,
  roughness: 0.6,
  metalness: 0.05,
  side: DoubleSide,
  // Faces a hair behind the edge lines, so that edges draw crisp and unbroken.
  polygonOffset: true,
  polygonOffsetFactor: 1,
  polygonOffsetUnits: 1,
});

export const edgeMaterial = new LineBasicMaterial({ color: '#2a323a' });

/** The lights of the viewer's scene; shader programs depend on them, so the warm-up uses the same. */
export const LIGHTS = {
  hemisphere: ['#ffffff', '#7d8791', 1.35] as const,
  head: { position: [0.35, 0.55, 1] as const, intensity: 2.1 },
};

/** Compiles the part's shaders now (in parallel where the GL allows), while the user picks a file. */
export function warmUpShaders(gl: WebGLRenderer, camera: Camera): void {
  const scene = new Scene();
  const box = new BoxGeometry();
  // Programs depend on the geometry's attributes too: give the line a position attribute like the part's.
  const line = new BufferGeometry().setAttribute('position', new BufferAttribute(new Float32Array(6), 3));
  scene.add(new HemisphereLight(...LIGHTS.hemisphere), new DirectionalLight('#ffffff', LIGHTS.head.intensity));
  scene.add(new Mesh(box, faceMaterial), new LineSegments(line, edgeMaterial));
  gl.compileAsync(scene, camera)
    .catch(() => undefined)
    .finally(() => {
      box.dispose();
      line.dispose();
    });
}
