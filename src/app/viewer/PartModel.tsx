/**
 * The loaded part in the scene: shaded faces (vertex-coloured per face), crisp B-Rep edges, hover
 * and click picking through the face map, camera commands from the store, and the viewer handle
 * that window.vectis.facePixel uses.
 */
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Matrix3, Vector3, type BufferAttribute, type Mesh } from 'three';
import { acceleratedRaycast } from 'three-mesh-bvh';
import { perfMarkOnce } from '../perf-marks.ts';
import { highlightedFaces, useVectis } from '../store.ts';
import type { ShownPart } from '../types.ts';
import { currentDirection, directionTowards, fitBox, VIEW_DIRECTIONS, type OrbitLike } from './camera.ts';
import { paint } from './colors.ts';
import { setViewerHandle } from './handle.ts';
import { edgeMaterial, faceMaterial } from './materials.ts';
import { buildPartGeometry, ensureBvh, meanNormal, worldBoxOfFaces, type PartGeometry } from './part-geometry.ts';
import { facePixel, pickFace, type PickContext } from './picking.ts';

/** Marks the first draw of each new part's geometry (the shaded part's first frame). */
const markFirstDraw = perfMarkOnce();

const bvhScheduled = new WeakSet<PartGeometry>();
/**
 * When the page is next idle (so not between the part's first frames), or within half a second;
 * a pick before that builds it itself. (Safari has no requestIdleCallback: a timer there.)
 */
function scheduleBvh(geom: PartGeometry): void {
  if (bvhScheduled.has(geom)) return;
  bvhScheduled.add(geom);
  const build = () => ensureBvh(geom.mesh);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 500 });
  else setTimeout(build, 100);
}

export function PartModel({ result }: { result: ShownPart }) {
  // Keyed by the mesh: the whole result arrives with the very mesh its preview showed, and
  // rebuilding (BVH, buffers, upload) for the same triangles would only delay the features.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the mesh on purpose (above)
  const geom = useMemo(() => buildPartGeometry(result), [result.mesh]);
  useEffect(() => () => geom.dispose(), [geom]);
  const meshRef = useRef<Mesh>(null);
  useLayoutEffect(() => {
    if (!meshRef.current) return;
    meshRef.current.onAfterRender = () => {
      markFirstDraw('first-draw', geom);
      // The BVH serves picking only: built once the part is on screen, not before its first frame.
      scheduleBvh(geom);
    };
  }, [geom]);
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const invalidate = useThree((s) => s.invalidate);

  const tree = useVectis((s) => s.tree);
  const colorByFeature = useVectis((s) => s.colorByFeature);
  const selectedFace = useVectis((s) => s.selectedFace);
  const selectedItem = useVectis((s) => s.selectedItem);
  const hoverFace = useVectis((s) => s.hoverFace);
  const hoverItem = useVectis((s) => s.hoverItem);
  const view = useVectis((s) => s.view);

  // Repaint the vertex colours whenever selection, hover or colouring changes.
  useLayoutEffect(() => {
    const hovered = hoverFace !== null ? [hoverFace] : hoverItem !== null ? (tree?.items.get(hoverItem)?.faces ?? []) : [];
    paint(geom.colors, geom.faceOfVertex, result.mesh.faceRanges.length, {
      tree,
      colorByFeature,
      highlighted: highlightedFaces({ tree, selectedFace, selectedItem }),
      primaryFace: selectedFace,
      hovered,
    });
    (geom.mesh.getAttribute('color') as BufferAttribute).needsUpdate = true;
    invalidate();
  }, [geom, result, tree, colorByFeature, selectedFace, selectedItem, hoverFace, hoverItem, invalidate]);

  // Camera commands: standard views, fit, frame a feature's faces.
  useEffect(() => {
    if (view.kind === 'faces') {
      const part = worldBoxOfFaces(result, geom.partToWorld);
      const box = worldBoxOfFaces(result, geom.partToWorld, view.faces);
      // Never closer than about a sixth of the part: keep a small feature in its context.
      const half = part.getSize(new Vector3()).length() / 12;
      const center = box.getCenter(new Vector3());
      box.expandByPoint(center.clone().addScalar(half)).expandByPoint(center.clone().subScalar(half));
      // Turn towards the faces when they look away from the viewer (a face on the back, a bore's axis).
      const rotation = new Matrix3().setFromMatrix4(geom.partToWorld);
      const axis = view.axis ? new Vector3(...view.axis).applyMatrix3(rotation) : undefined;
      const direction = directionTowards(currentDirection(camera, controls), meanNormal(result, geom, view.faces ?? []), axis);
      fitBox(camera, controls, box, direction);
    } else {
      const direction = view.kind === 'fit' ? currentDirection(camera, controls) : VIEW_DIRECTIONS[view.kind];
      fitBox(camera, controls, worldBoxOfFaces(result, geom.partToWorld), direction);
    }
    invalidate();
    // Only a new command (seq) or a new part moves the camera: a new selection or result object alone must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the deps are the triggers, not the inputs
  }, [view.seq, geom]);

  useEffect(() => {
    const ctx = (): PickContext | null =>
      meshRef.current ? { camera, canvas, mesh: meshRef.current, faceOfTriangle: geom.faceOfTriangle, result } : null;
    setViewerHandle({
      facePixel: (id) => {
        const c = ctx();
        return c ? facePixel(c, id) : null;
      },
      pickFace: (x, y) => {
        const c = ctx();
        return c ? pickFace(c, x, y) : null;
      },
      snapshot: () => {
        gl.render(scene, camera);
        return canvas.toDataURL('image/png');
      },
    });
    return () => setViewerHandle(null);
  }, [camera, canvas, geom, result, gl, scene]);

  const faceOf = (e: ThreeEvent<PointerEvent | MouseEvent>): number | null => {
    const f = e.faceIndex != null ? geom.faceOfTriangle[e.faceIndex] : undefined;
    return f === undefined || f < 0 ? null : f;
  };
  const { setHoverFace, selectFace } = useVectis.getState();

  return (
    <group matrixAutoUpdate={false} matrix={geom.partToWorld}>
      <mesh
        ref={meshRef}
        geometry={geom.mesh}
        material={faceMaterial}
        dispose={null}
        raycast={acceleratedRaycast}
        onPointerMove={(e) => {
          e.stopPropagation();
          setHoverFace(faceOf(e));
          canvas.style.cursor = 'pointer';
        }}
        onPointerOut={() => {
          setHoverFace(null);
          canvas.style.cursor = '';
        }}
        onClick={(e) => {
          // A drag (orbit, pan) ends in a click too: only a still click selects.
          if (e.delta > 4) return;
          e.stopPropagation();
          selectFace(faceOf(e));
        }}
      />
      <lineSegments geometry={geom.edges} material={edgeMaterial} dispose={null} raycast={() => undefined} />
    </group>
  );
}
