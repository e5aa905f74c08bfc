// The peer's page: one classic worker started at load (as a page would start it before a drop),
// window.occtRun(bytes) → wall ms from posting the file to receiving the meshes.
const worker = new Worker('./worker.js');
let pending = null;
worker.onmessage = (event) => {
  const done = pending;
  pending = null;
  done?.(event.data);
};
window.occtRun = (b64) =>
  new Promise((resolve) => {
    const text = atob(b64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const t0 = performance.now();
    pending = (data) => resolve({ ms: performance.now() - t0, ok: data.success, faces: data.faces, triangles: data.triangles });
    worker.postMessage(bytes, [bytes.buffer]);
  });
window.occtReady = true;
