/**
 * The segmentation model every host runs unless told otherwise: ours, trained on generated
 * machining parts and committed in models/ (card: models/README.md; recipe:
 * models/training/pipeline.ts). Hosts locate the file their own way: the browser worker through
 * Vite's asset URL (./default-model.browser.ts), Node hosts on disk (./node.ts defaultModelPath).
 */
export const DEFAULT_MODEL_FILE = 'vectis-brepnet.onnx';
