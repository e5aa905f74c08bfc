"""ONNX export (opset 17) of a BRepNet model with Vectis metadata, plus synthetic test graphs.

The ONNX file is self-describing: src/analysis/ml/runtime/model-info.ts reads these metadata_props.
  vectis.format          'brepnet/1'
  vectis.variant         'features' (inputs Xf, Xe, Xc, Kf, Ke, Kc, Ce, Cf) | 'uvnet' (Gf, Gc, Kf, ...)
  vectis.classes         JSON list of class names, index = logit column
  vectis.class_kind      'machining-features' (ours) | 'modelling-operations' (Autodesk's)
  vectis.model_version   free text, recorded in every analysis result
  vectis.normalization   'area' | 'unit-box' | 'none' (src/analysis/ml/inputs/scalar-columns.ts)
  vectis.edge_features   'brepnet' (default, Xe [E,10]) | 'brepnet+dihedral' (Xe [E,11], ours)
  vectis.standardization JSON, BRepNet's feature_standardization shape (features variant)
  license, source        licence of the weights; where they came from
Inputs (dims: F faces, E edges, C coedges, K = max(30, most coedges on a face)):
  Xf f32[F,7] Xe f32[E,10] Xc f32[C,1] standardised scalar features, or Gf f32[F,7,10,10],
  Gc f32[C,12,10] UV-Net grids; Kf i64[C,2] Ke i64[C,5] Kc i64[C,6] Ce i64[E,2] Cf i64[F,K].
Outputs: face_logits f32[F,classes] (+ face_embeddings f32[F,s] for uvnet). Softmax is applied
by the caller.
"""
import json

import onnx
import torch

import scatter_pooling as faster_pooling

DIMS = {'Xf': ('F',), 'Xe': ('E',), 'Xc': ('C',), 'Gf': ('F',), 'Gc': ('C',), 'Kf': ('C',),
        'Ke': ('C',), 'Kc': ('C',), 'Ce': ('E',), 'Cf': ('F', 'K'),
        'face_logits': ('F',), 'face_embeddings': ('F',)}


def export_onnx(model, example, path, metadata, scatter_pooling=True):
    """example: dict name -> tensor for model.input_names. Writes `path` and checks it.
    scatter_pooling: face pooling as a scatter-max (opset 18, same numbers, no Cf input; see
    scatter_pooling.py) instead of the reference's padded gather (docs/model-inputs.md §b)."""
    model = model.eval()
    args = tuple(example[n] for n in model.input_names)
    names = list(model.input_names) + list(model.output_names)
    dynamic = {n: {i: d for i, d in enumerate(DIMS[n])} for n in names}
    with torch.no_grad():
        torch.onnx.export(model, args, path, input_names=list(model.input_names),
                          output_names=list(model.output_names), dynamic_axes=dynamic,
                          opset_version=17, do_constant_folding=True)
    m = onnx.load(path)
    if scatter_pooling:
        faster_pooling.rewrite(m)
    m.producer_name = 'vectis'
    m.doc_string = __doc__
    for key, value in metadata.items():
        entry = m.metadata_props.add()
        entry.key, entry.value = key, value if isinstance(value, str) else json.dumps(value)
    onnx.checker.check_model(m)
    onnx.save(m, path)
    return m


def polyhedron(loops):
    """Topology tensors of a closed polyhedron given as outward vertex loops, one per face:
    coedge (face f, i) runs loops[f][i] -> loops[f][i+1]; its mate runs the other way."""
    coedges, where, edges = [], {}, {}
    for f, loop in enumerate(loops):
        first = len(coedges)
        for i, a in enumerate(loop):
            b = loop[(i + 1) % len(loop)]
            key = (min(a, b), max(a, b))
            edge = edges.setdefault(key, len(edges))
            nxt, prv = first + (i + 1) % len(loop), first + (i - 1) % len(loop)
            where[(a, b)] = len(coedges)
            coedges.append(dict(face=f, edge=edge, reversed=(a, b) != key, next=nxt, prev=prv, a=a, b=b))
    for c in coedges:
        c['mate'] = where.get((c['b'], c['a']), where[(c['a'], c['b'])])
    n_c, n_e, n_f = len(coedges), len(edges), len(loops)
    mate = [c['mate'] for c in coedges]
    nxt = [c['next'] for c in coedges]
    prv = [c['prev'] for c in coedges]
    face = [c['face'] for c in coedges]
    edge = [c['edge'] for c in coedges]
    t = lambda rows: torch.tensor(rows, dtype=torch.int64)
    kf = t([[face[c], face[mate[c]]] for c in range(n_c)])
    ke = t([[edge[c], edge[nxt[c]], edge[prv[c]], edge[nxt[mate[c]]], edge[prv[mate[c]]]] for c in range(n_c)])
    kc = t([[c, mate[c], nxt[c], prv[c], nxt[mate[c]], prv[mate[c]]] for c in range(n_c)])
    uses = [[] for _ in range(n_e)]
    per_face = [[] for _ in range(n_f)]
    for i, c in enumerate(coedges):
        uses[c['edge']].append(i)
        per_face[c['face']].append(i)
    ce = t([[u[0], u[-1]] for u in uses])
    k = max(30, max(len(p) for p in per_face))
    cf = t([p + [n_c if len(p) < 30 else n_c + 1] * (k - len(p)) for p in per_face])
    rev = torch.tensor([[1.0 if c['reversed'] else 0.0] for c in coedges])
    return dict(Kf=kf, Ke=ke, Kc=kc, Ce=ce, Cf=cf, reversed=rev, faces=per_face)


def prism(sides):
    """A closed prism: `sides` quads and two caps with `sides` coedges each (F = sides + 2)."""
    bottom = list(range(sides))
    top = [sides + i for i in range(sides)]
    loops = [bottom[::-1], top] + [[i, (i + 1) % sides, sides + (i + 1) % sides, sides + i] for i in range(sides)]
    return polyhedron(loops)


def example_inputs(variant, topo, generator):
    """Random standardised-looking inputs on a topology from `polyhedron`."""
    f, e, c = topo['Cf'].shape[0], topo['Ce'].shape[0], topo['Kc'].shape[0]
    x = dict((k, topo[k]) for k in ('Kf', 'Ke', 'Kc', 'Ce', 'Cf'))
    if variant == 'features':
        x['Xf'] = torch.randn(f, 7, generator=generator)
        x['Xe'] = torch.randn(e, 10, generator=generator)
        x['Xc'] = topo['reversed'] * 2.0 - 1.0
    else:
        x['Gf'] = torch.randn(f, 7, 10, 10, generator=generator)
        x['Gc'] = torch.randn(c, 12, 10, generator=generator)
    return x


def tensors_json(tensors):
    """name -> {shape, dtype, data} (the format of src/analysis/ml/inputs/inputs.ts inputsToJSON)."""
    out = {}
    for n, v in tensors.items():
        out[n] = dict(shape=list(v.shape), dtype='float32' if v.is_floating_point() else 'int64',
                      data=v.reshape(-1).tolist())
    return out
