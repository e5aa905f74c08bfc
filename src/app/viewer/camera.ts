/**
 * Camera placement: fit a box into the view along a direction, and the standard views. Directions
 * are in three.js world space, where the part's +Z is up (+Y) and its −Y faces the viewer (+Z):
 * "front" looks along the part's +Y, "right" along −X, "top" down −Z, "iso" from (+X, −Y, +Z).
 */
import { Box3, PerspectiveCamera, Sphere, Vector3, type Camera } from 'three';

export type StandardView = 'iso' | 'top' | 'front' | 'right';

export const VIEW_DIRECTIONS: Record<StandardView, Vector3> = {
  iso: new Vector3(1, 1, 1).normalize(),
  // A hair off the pole: the orbit controls' up axis must not be parallel to the view direction.
  top: new Vector3(0, 1, 1e-4).normalize(),
  front: new Vector3(0, 0, 1),
  right: new Vector3(1, 0, 0),
};

/** The minimal interface of drei's OrbitControls that we drive. */
export interface OrbitLike {
  target: Vector3;
  update(): void;
}

/**
 * Moves the camera so the box fills the view (with a margin), looking along −`direction` at the
 * box centre; near/far follow the distance so that tiny and huge parts both render crisply.
 */
export function fitBox(camera: Camera, controls: OrbitLike | null, box: Box3, direction: Vector3, margin = 1.15): void {
  if (box.isEmpty()) return;
  const sphere = box.getBoundingSphere(new Sphere());
  const radius = Math.max(sphere.radius, 1e-3) * margin;
  let distance = radius * 4;
  if (camera instanceof PerspectiveCamera) {
    const vFov = (camera.fov * Math.PI) / 180;
    const hFov = 2 * Math.atan(Math.tan(vFov / 2) * camera.aspect);
    distance = radius / Math.sin(Math.min(vFov, hFov) / 2);
    camera.near = Math.max(distance / 1000, 1e-4);
    camera.far = distance * 100;
    camera.updateProjectionMatrix();
  }
  camera.position.copy(sphere.center).addScaledVector(direction.clone().normalize(), distance);
  camera.lookAt(sphere.center);
  if (controls) {
    controls.target.copy(sphere.center);
    controls.update();
  }
}

/** The direction the camera currently looks from (camera position − target), unit length. */
export function currentDirection(camera: Camera, controls: OrbitLike | null): Vector3 {
  const target = controls?.target ?? new Vector3();
  const d = camera.position.clone().sub(target);
  return d.lengthSq() > 0 ? d.normalize() : VIEW_DIRECTIONS.iso.clone();
}

/**
 * Where to look at some faces from: the current direction when they already face the viewer,
 * otherwise turned towards their mean outward normal (`normal`, world space, length = how much
 * the normals agree), or, for faces all around an axis (a bore), towards that axis. Turned, not
 * snapped: the new direction keeps a third of the old one, so the part stays recognisable.
 */
export function directionTowards(current: Vector3, normal: Vector3, axis?: Vector3): Vector3 {
  let target: Vector3 | undefined;
  if (normal.length() > 0.25) target = normal.clone().normalize();
  else if (axis && axis.lengthSq() > 0)
    target = axis
      .clone()
      .normalize()
      .multiplyScalar(axis.dot(current) >= 0 ? 1 : -1);
  if (!target || target.dot(current) > 0.3) return current.clone();
  const dir = target.multiplyScalar(2).add(current).normalize();
  // Off the orbit pole, like the top view.
  if (Math.abs(dir.y) > 0.9999) dir.z += 1e-3;
  return dir.normalize();
}
