/**
 * Test harness page: drives the real analysis worker through the app's client and returns a
 * JSON-friendly summary to Playwright (typed arrays cannot cross page.evaluate cheaply).
 */
import { AnalysisClient } from '../src/app/analysis-client.ts';
import type { AnalysisResult, SerializedError, Stage } from '../src/analysis/index.ts';
import { meshDigest } from './mesh-digest.ts';

export interface HarnessSummary {
  ok: boolean;
  error?: SerializedError;
  /** Wall time of the call as the page saw it, ms. */
  wallMs: number;
  /** The input buffer was transferred to the worker (detached here), not copied. */
  inputDetached: boolean;
  /** Stages reported through the progress callback, in order of their 'done' events. */
  stages: Stage[];
  /** Stages done when the early mesh arrived (undefined: it never came). */
  stagesAtMesh?: Stage[];
  /** The result holds the very mesh object that arrived early (not a second copy). */
  meshFromPreview?: boolean;
  result?: {
    part: AnalysisResult['part'];
    faces: AnalysisResult['faces'];
    edges: AnalysisResult['edges'];
    loops: AnalysisResult['loops'];
    coedges: AnalysisResult['coedges'];
    features: AnalysisResult['features'];
    pmi: AnalysisResult['pmi'];
    model: AnalysisResult['model'];
    timings: AnalysisResult['timings'];
    faceRanges: AnalysisResult['mesh']['faceRanges'];
    triangleCount: number;
    vertexCount: number;
    /** Constructor names of the mesh arrays as received: typed arrays must arrive typed. */
    arrayTypes: string[];
    meshDigest: string;
  };
}

declare global {
  interface Window {
    runAnalysis(bytes: number[] | string, name: string): Promise<HarnessSummary>;
    resetWorker(): void;
    harnessReady: boolean;
  }
}

const client = new AnalysisClient();

function decode(bytes: number[] | string): Uint8Array {
  if (Array.isArray(bytes)) return Uint8Array.from(bytes);
  const text = atob(bytes);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

window.runAnalysis = async (input, name) => {
  const bytes = decode(input);
  const stages: Stage[] = [];
  let stagesAtMesh: Stage[] | undefined;
  let early: AnalysisResult['mesh'] | undefined;
  const t0 = performance.now();
  const outcome = await client.analyze(
    bytes,
    name,
    (p) => {
      if (p.state === 'done') stages.push(p.stage);
    },
    {},
    (preview) => {
      stagesAtMesh = [...stages];
      early = preview.mesh;
    },
  );
  const wallMs = performance.now() - t0;
  const inputDetached = bytes.byteLength === 0;
  if (!outcome.ok) return { ok: false, error: outcome.error, wallMs, inputDetached, stages, stagesAtMesh };
  const r = outcome.result;
  return {
    ok: true,
    wallMs,
    inputDetached,
    stages,
    stagesAtMesh,
    meshFromPreview: early !== undefined && r.mesh === early,
    result: {
      part: r.part,
      faces: r.faces,
      edges: r.edges,
      loops: r.loops,
      coedges: r.coedges,
      features: r.features,
      pmi: r.pmi,
      model: r.model,
      timings: r.timings,
      faceRanges: r.mesh.faceRanges,
      triangleCount: r.mesh.indices.length / 3,
      vertexCount: r.mesh.positions.length / 3,
      arrayTypes: [r.mesh.positions, r.mesh.normals, r.mesh.indices, r.mesh.edgePositions].map((a) => a.constructor.name),
      meshDigest: meshDigest(r.mesh),
    },
  };
};

window.resetWorker = () => client.terminate();
window.harnessReady = true;
