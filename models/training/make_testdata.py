"""Small committed test models for the TypeScript inference path (CI runs it without torch).

  /usr/bin/python3 models/training/make_testdata.py      (writes models/testdata/)

tiny-features.onnx  a 'features' BRepNet (s=8, random weights, seed 7) with our metadata
                    (classes, 'area' normalisation, BRepNet statistics, background 'stock');
                    tiny-features.expected.json: its PyTorch logits on the TS-built inputs of
                    fixtures/{block,cylinder,box-with-hole}.step (scripts/brepnet-inputs.ts).
tiny-uvnet.onnx     a 'uvnet' BRepNet (encoders 4/8/16, s=8) and tiny-uvnet.vectors.json: random
                    inputs on a 5-sided prism with the PyTorch outputs.
"""
import json
import os
import subprocess
import sys
import tempfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, HERE)
from brepnet import BRepNet, load_inputs_json  # noqa: E402
from convert import brepnet_standardization  # noqa: E402
from export import example_inputs, export_onnx, prism, tensors_json  # noqa: E402

OUT = os.path.join(ROOT, 'models', 'testdata')
FIXTURES = ['block.step', 'cylinder.step', 'box-with-hole.step']
CLASSES = ['stock', 'through_hole', 'blind_hole', 'rectangular_pocket', 'chamfer']


def randomize(model, seed):
    """PyTorch's default init for weights (realistic magnitudes) from `seed`; biases and
    BatchNorm statistics randomised so that they matter too."""
    torch.manual_seed(seed)
    for m in model.modules():
        if hasattr(m, 'reset_parameters'):
            m.reset_parameters()
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.state_dict().items():
            if name.endswith('running_var'):
                p.copy_(torch.rand(p.shape, generator=g) + 0.5)
            elif name.endswith(('running_mean', 'bias')):
                p.copy_(torch.randn(p.shape, generator=g) * 0.1)
    return model.eval()


def main():
    os.makedirs(OUT, exist_ok=True)
    features = randomize(BRepNet('features', num_layers=2, s=8, num_classes=len(CLASSES)), 7)
    with torch.no_grad():  # logits of a few units, so that classes really differ
        features.output_layer.mlp.mlp.linear_1.weight.mul_(30.0)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['npx', 'tsx', 'scripts/brepnet-inputs.ts', *[f'fixtures/{f}' for f in FIXTURES],
                        '--out-dir', tmp, '--normalization', 'area'], cwd=ROOT, check=True)
        inputs = {f: load_inputs_json(os.path.join(tmp, f.replace('.step', '.brepnet.json'))) for f in FIXTURES}
    first = inputs[FIXTURES[0]]
    export_onnx(features, first, os.path.join(OUT, 'tiny-features.onnx'), {
        'vectis.format': 'brepnet/1', 'vectis.variant': 'features', 'vectis.classes': CLASSES,
        'vectis.class_kind': 'machining-features', 'vectis.model_version': 'tiny-features-test-1',
        'vectis.normalization': 'area', 'vectis.standardization': brepnet_standardization(),
        'vectis.background': ['stock'], 'license': 'test model (random weights), Vectis',
    })
    expected = {}
    with torch.no_grad():
        for f, x in inputs.items():
            logits = features(*(x[n] for n in features.input_names))
            expected[f] = tensors_json({'face_logits': logits})['face_logits']
    with open(os.path.join(OUT, 'tiny-features.expected.json'), 'w') as fh:
        json.dump(expected, fh)

    uvnet = randomize(BRepNet('uvnet', num_layers=3, s=8, num_classes=4, encoder_widths=(4, 8, 16), embedding=8), 11)
    x = example_inputs('uvnet', prism(5), torch.Generator().manual_seed(3))
    export_onnx(uvnet, x, os.path.join(OUT, 'tiny-uvnet.onnx'), {
        'vectis.format': 'brepnet/1', 'vectis.variant': 'uvnet', 'vectis.classes': ['a', 'b', 'c', 'd'],
        'vectis.model_version': 'tiny-uvnet-test-1', 'license': 'test model (random weights), Vectis',
    })
    with torch.no_grad():
        outputs = uvnet(*(x[n] for n in uvnet.input_names))
    with open(os.path.join(OUT, 'tiny-uvnet.vectors.json'), 'w') as fh:
        json.dump(dict(inputs=tensors_json({n: x[n] for n in uvnet.input_names}),
                       outputs=tensors_json(dict(zip(uvnet.output_names, outputs)))), fh)
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))


if __name__ == '__main__':
    main()
