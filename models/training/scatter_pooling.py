"""Rewrites an exported BRepNet graph's face pooling from the reference's padded gather (docs/model-inputs.md §b) to a scatter-max.

Why: the reference's face pooling gathers [F x K x width] with K = the most coedges on any one face, so a
single face with 178 coedges (BRepNet's 42811 part) makes every face pay for 178 rows; in
onnxruntime-web that gather and its ReduceMax were a third of the model's run. A ScatterElements
with reduction 'max' (opset 18) of the coedge rows onto their faces (Kf[:, 0]: the face of each
coedge) does the same max in O(C x width).

Same numbers, not an approximation: each face's max over exactly its coedges, started from
  - 0 for the convolution units: their rows are ReLU outputs (>= 0), so the reference's zero row changes
    nothing there;
  - -3e38 for the output unit when its padding is the -3e38 row (our models, zero_row=False).
An output unit with the reference's zero-row quirk (Autodesk's checkpoints) cannot be rewritten (a face
with >= 30 coedges has no zero row and its logits may be negative): such models keep the gather.

Cf stays a graph input only if something still reads it.
"""
import numpy as np
import onnx
from onnx import helper, numpy_helper

NEG = -3.0e38


def _const_value(producers, name):
    """The fill value of a ConstantOfShape output, or None."""
    node = producers.get(name)
    if node is None or node.op_type != 'ConstantOfShape':
        return None
    for a in node.attribute:
        if a.name == 'value':
            return float(numpy_helper.to_array(a.t).ravel()[0])
    return 0.0


def _after_relu(producers, name):
    """True when `name` is a ReLU output, possibly sliced (the convolution units' face rows)."""
    node = producers.get(name)
    while node is not None and node.op_type in ('Slice', 'Split'):
        node = producers.get(node.input[0])
    return node is not None and node.op_type == 'Relu'


def rewrite(model: onnx.ModelProto) -> int:
    """Rewrites in place when every face pooling can be replaced and no other Reduce op is left
    (opset 18 changes the Reduce ops, and Debian's onnx 1.12 cannot check opset 18: the
    checkpoint converter's graphs, with the zero-row output or UV-Net's mean pools, stay on opset
    17 as exported). Returns how many poolings were replaced (0: the model is untouched)."""
    trial = onnx.ModelProto()
    trial.CopyFrom(model)
    n = _rewrite(trial)
    if n == 0 or any(node.op_type.startswith('Reduce') for node in trial.graph.node):
        return 0
    model.CopyFrom(trial)
    return n


def _rewrite(model: onnx.ModelProto) -> int:
    g = model.graph
    producers = {o: n for n in g.node for o in n.output}
    replaced = 0
    new_nodes = []
    shared = []  # nodes computing the coedge -> face index, added once
    for red in [n for n in g.node if n.op_type == 'ReduceMax']:
        gather = producers.get(red.input[0])
        if gather is None or gather.op_type != 'Gather' or gather.input[1] != 'Cf':
            continue
        concat = producers.get(gather.input[0])
        if concat is None or concat.op_type != 'Concat' or len(concat.input) != 3:
            continue
        rows, first_pad = concat.input[0], _const_value(producers, concat.input[1])
        if first_pad is None:
            continue
        if _after_relu(producers, rows):
            init = 0.0
        elif first_pad <= NEG / 2:
            init = NEG
        else:
            continue  # the zero-row quirk on signed rows: keep the reference's gather
        p = f'{red.name}/scatter'
        if not shared:
            shared = [
                helper.make_node('Constant', [], ['vectis_zero_i64'], value=numpy_helper.from_array(np.array(0, dtype=np.int64))),
                helper.make_node('Gather', ['Kf', 'vectis_zero_i64'], ['vectis_face_of_coedge'], axis=1),
                helper.make_node('Constant', [], ['vectis_axis1'], value=numpy_helper.from_array(np.array([1], dtype=np.int64))),
                helper.make_node('Unsqueeze', ['vectis_face_of_coedge', 'vectis_axis1'], ['vectis_face_col']),
                helper.make_node('Shape', [_face_input(g)], ['vectis_xf_shape']),
                helper.make_node('Constant', [], ['vectis_zero_1d'], value=numpy_helper.from_array(np.array([0], dtype=np.int64))),
                helper.make_node('Gather', ['vectis_xf_shape', 'vectis_zero_1d'], ['vectis_faces_1d'], axis=0),
            ]
            new_nodes += shared
        new_nodes += [
            helper.make_node('Shape', [rows], [f'{p}/rows_shape']),
            helper.make_node('Expand', ['vectis_face_col', f'{p}/rows_shape'], [f'{p}/index']),
            helper.make_node('Gather', [f'{p}/rows_shape', 'vectis_axis1'], [f'{p}/width'], axis=0),
            helper.make_node('Concat', ['vectis_faces_1d', f'{p}/width'], [f'{p}/out_shape'], axis=0),
            helper.make_node('ConstantOfShape', [f'{p}/out_shape'], [f'{p}/init'],
                             value=numpy_helper.from_array(np.array([init], dtype=np.float32))),
            helper.make_node('ScatterElements', [f'{p}/init', f'{p}/index', rows], [red.output[0]],
                             axis=0, reduction='max', name=p),
        ]
        g.node.remove(red)
        replaced += 1
    g.node.extend(new_nodes)
    _prune(g)
    for op in model.opset_import:
        if op.domain in ('', 'ai.onnx'):
            op.version = max(op.version, 18)
    _topological_sort(g)
    return replaced


def _face_input(g):
    """A graph input whose first dimension is F (Xf, or Gf for UV-Net models)."""
    names = [i.name for i in g.input]
    return next(n for n in ('Xf', 'Gf', 'Cf') if n in names)


def _prune(g):
    """Drops nodes whose outputs nothing reads, and graph inputs nothing reads."""
    outputs = {o.name for o in g.output}
    while True:
        used = {i for n in g.node for i in n.input} | outputs
        dead = [n for n in g.node if not any(o in used for o in n.output)]
        if not dead:
            break
        for n in dead:
            g.node.remove(n)
    used = {i for n in g.node for i in n.input}
    for i in [i for i in g.input if i.name not in used]:
        g.input.remove(i)


def _topological_sort(g):
    available = {i.name for i in g.input} | {i.name for i in g.initializer} | {''}
    pending, ordered = list(g.node), []
    while pending:
        ready = [n for n in pending if all(i in available for i in n.input)]
        if not ready:
            raise ValueError('cycle or missing input while sorting the rewritten graph')
        for n in ready:
            ordered.append(n)
            available.update(n.output)
            pending.remove(n)
    del g.node[:]
    g.node.extend(ordered)
