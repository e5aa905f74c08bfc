/**
 * The part's materials, one pair for the app's lifetime: a new part must not compile shaders again
 * (r3f is told not to dispose these). The first part does not wait for the first compile either:
 * warm-up.ts compiles and draws them while the user picks a file.
 */
import { DoubleSide, LineBasicMaterial, MeshStandardMaterial } from 'three';

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
