/**
 * The 3D view: one canvas for the app's lifetime (renders on demand only, so an idle part costs
 * no CPU), orbit/pan/zoom, a head light that follows the camera, a view cube, and the part.
 */
import { GizmoHelper, GizmoViewcube, OrbitControls } from '@react-three/drei';
import { Canvas, createPortal, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useVectis } from '../store.ts';
import { LIGHTS } from './materials.ts';
import { PartModel } from './PartModel.tsx';
import { GIZMO_SIZE } from './picking.ts';
import { warmUpViewer } from './warm-up.ts';

/** A light fixed to the camera: every view is lit from the viewer's side, like CAD viewers do. */
function HeadLight() {
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    scene.add(camera);
    return () => {
      scene.remove(camera);
    };
  }, [camera, scene]);
  return createPortal(<directionalLight position={LIGHTS.head.position} intensity={LIGHTS.head.intensity} />, camera);
}

function Scene() {
  const part = useVectis((s) => s.result ?? s.preview);
  return (
    <>
      <hemisphereLight args={LIGHTS.hemisphere} />
      <HeadLight />
      {part && <PartModel result={part} />}
      <OrbitControls makeDefault enableDamping={false} zoomToCursor />
      {/* Always mounted and drawn: remounting or first showing it would compile its shaders then. */}
      <GizmoHelper alignment="bottom-right" margin={[GIZMO_SIZE / 2, GIZMO_SIZE / 2]}>
        <GizmoViewcube
          font="600 22px system-ui, sans-serif"
          color="#ffffff"
          textColor="#2a323a"
          strokeColor="#7d8996"
          hoverColor="#9cc0f5"
          opacity={1}
        />
      </GizmoHelper>
    </>
  );
}

export function Viewer() {
  return (
    <Canvas
      className="viewer-canvas"
      frameloop="demand"
      // No filmic tone mapping: part colours, highlights and the view cube stay as designed.
      flat
      dpr={[1, 2]}
      camera={{ fov: 30, position: [200, 200, 200], near: 0.1, far: 100_000 }}
      gl={{ antialias: true }}
      onCreated={(state) => {
        state.raycaster.firstHitOnly = true;
        warmUpViewer(state);
      }}
      onPointerMissed={(e) => {
        if (e.type === 'click') useVectis.getState().selectFace(null);
      }}
    >
      <Scene />
    </Canvas>
  );
}
