/** The PMI stage's entry: STEP bytes and the analysed part → result.pmi (see read-pmi.ts). */
import type { Face, Feature } from '../result.ts';
import { readPmi, type PmiReading } from './read-pmi.ts';

export { readPmi, hasSemanticPmi, type PmiReading } from './read-pmi.ts';

const latin1 = new TextDecoder('latin1');

/**
 * PMI annotates a part the engine has already read: PMI text the reader cannot make sense of
 * leaves `pmi` empty (with the reason) rather than failing the part's whole analysis.
 */
export function pmiOfPart(
  bytes: Uint8Array,
  faces: readonly Pick<Face, 'surface' | 'surfaceSource'>[],
  features: readonly Pick<Feature, 'id' | 'faces'>[],
): PmiReading {
  try {
    return readPmi({
      text: latin1.decode(bytes),
      writtenSurfaces: faces.map((f) => f.surfaceSource ?? f.surface),
      features,
    });
  } catch (e) {
    return { items: [], faceMapProblem: `the PMI could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
