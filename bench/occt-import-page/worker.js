// occt-import-js (Online3DViewer's engine) in a worker of the same browser: the module starts once
// when the worker starts; each message is read + mesh (ReadStepFile with default parameters, as
// the Node bench calls it), and the meshes go back to the page as the package's own worker posts them.
importScripts('./occt-import-js.js');
const ready = occtimportjs({ locateFile: (path) => path });
onmessage = async (event) => {
  const occt = await ready;
  const result = occt.ReadStepFile(event.data, null);
  let faces = 0;
  let triangles = 0;
  for (const m of result.meshes) {
    faces += m.brep_faces?.length ?? 0;
    triangles += m.index.array.length / 3;
  }
  postMessage({ success: result.success, meshes: result.meshes, faces, triangles });
};
