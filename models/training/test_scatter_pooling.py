"""Writes the models for src/analysis/ml/scatter-pooling.test.ts into <dir>: one random BRepNet of
our kind (zero_row=False, 3 units, s=8) exported twice, with the reference's gather pooling
(gather.onnx) and with the scatter-max rewrite (scatter.onnx); and one with the zero-row output
unit of Autodesk's checkpoints (zero-row.onnx), which the rewrite must leave alone.

  /usr/bin/python3 models/training/test_scatter_pooling.py <dir>
"""
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from brepnet import BRepNet  # noqa: E402
from export import example_inputs, export_onnx, prism  # noqa: E402
from make_testdata import randomize  # noqa: E402

META = {'vectis.format': 'brepnet/1', 'vectis.variant': 'features', 'vectis.classes': [f'c{i}' for i in range(6)],
        'vectis.class_kind': 'machining-features', 'vectis.normalization': 'area', 'vectis.background': ['c0']}


def main(out):
    os.makedirs(out, exist_ok=True)
    example = example_inputs('features', prism(5), torch.Generator().manual_seed(3))
    ours = randomize(BRepNet('features', num_layers=3, s=8, num_classes=6, zero_row=False), 11)
    with torch.no_grad():
        ours.output_layer.mlp.mlp.linear_1.weight.mul_(10.0)
    export_onnx(ours, example, os.path.join(out, 'gather.onnx'), META, scatter_pooling=False)
    export_onnx(ours, example, os.path.join(out, 'scatter.onnx'), META)
    autodesk_like = randomize(BRepNet('features', num_layers=3, s=8, num_classes=6), 12)
    export_onnx(autodesk_like, example, os.path.join(out, 'zero-row.onnx'), META)


if __name__ == '__main__':
    main(sys.argv[1])
