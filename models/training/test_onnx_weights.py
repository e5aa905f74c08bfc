"""Writes <dir>/reexported.onnx for src/analysis/ml/runtime/onnx-weights.test.ts: the shipped model's
weights read back by onnx_weights.state_dict_from_onnx into a fresh BRepNet and exported again
with the shipped metadata. Equal logits show that a fine-tune (train.py --init model.onnx) starts
from exactly the shipped weights.

  /usr/bin/python3 models/training/test_onnx_weights.py <dir>
"""
import json
import os
import sys

import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from brepnet import BRepNet  # noqa: E402
from export import example_inputs, export_onnx, prism  # noqa: E402
from onnx_weights import state_dict_from_onnx  # noqa: E402

SHIPPED = os.path.join(HERE, '..', 'vectis-brepnet.onnx')


def main(out):
    os.makedirs(out, exist_ok=True)
    shipped = onnx.load(SHIPPED)
    meta = {p.key: p.value for p in shipped.metadata_props}
    classes = json.loads(meta['vectis.classes'])
    dims = {i.name: i.type.tensor_type.shape.dim[1].dim_value for i in shipped.graph.input if i.name in ('Xf', 'Xe', 'Xc')}
    width = next(t.dims[0] for t in shipped.graph.initializer if t.name == 'layers.0.mlp.mlp.linear_0.weight') // 3
    layers = 1 + len({t.name.split('.')[1] for t in shipped.graph.initializer if t.name.startswith('layers.')})
    model = BRepNet('features', num_layers=layers, s=width, num_classes=len(classes), zero_row=False,
                    feature_dims=(dims['Xf'], dims['Xe'], dims['Xc']))
    model.load_state_dict(state_dict_from_onnx(SHIPPED, model))
    example = example_inputs('features', prism(5), torch.Generator().manual_seed(3))
    example['Xe'] = torch.randn(example['Xe'].shape[0], dims['Xe'], generator=torch.Generator().manual_seed(4))
    export_onnx(model, example, os.path.join(out, 'reexported.onnx'), meta)


if __name__ == '__main__':
    main(sys.argv[1])
