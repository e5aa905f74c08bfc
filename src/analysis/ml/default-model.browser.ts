/**
 * The shipped model's URL in the browser. Vite emits models/vectis-brepnet.onnx as an asset with
 * a content hash in its name, so the URL changes exactly when the model does: the worker loads
 * it, and the page's result cache keys its records by it (a new model never shows old labels).
 * Only a string: importing this costs the main bundle nothing.
 */
import modelUrl from '../../../models/vectis-brepnet.onnx?url';

export const DEFAULT_MODEL_URL: string = modelUrl;
