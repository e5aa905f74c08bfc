/** The PMI stage's entry: STEP bytes and the analysed part → result.pmi (see read-pmi.ts). */
import type { Face, Feature } from '../result.ts';
import { readPmi, type PmiReading } from './read-pmi.ts';

export { readPmi, hasSemanticPmi, type PmiReading } from './read-pmi.ts';

const latin1 = new TextDecoder('latin1');

export function pmiOfPart(bytes: Uint8Array, faces: readonly Pick<Face, 'surface' | 'surfaceSource'>[], features: readonly Pick<Feature, 'id' | 'faces'>[]): PmiReading {
  return readPmi({
    text: latin1.decode(bytes),
    writtenSurfaces: faces.map((f) => f.surfaceSource ?? f.surface),
    features,
  });
}
