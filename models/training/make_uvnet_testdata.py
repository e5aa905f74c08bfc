"""A small converted checkpoint-B model for the TypeScript UV-Net path (CI runs it without torch).

  /usr/bin/python3 models/training/make_uvnet_testdata.py      (writes models/testdata/)

tiny-autodesk-uvnet.onnx  a synthetic Autodesk checkpoint B: Autodesk's key names (docs/model-inputs.md §c.3) with small
                          widths (encoders 4/8/16, 8-d embeddings, s=8, 4 units + output unit,
                          8 classes), random weights (He init, seed 5), saved as a Lightning .ckpt and run
                          through convert.py, so its metadata is exactly what model:convert writes
                          (variant 'uvnet', 'modelling-operations', Autodesk's 8 class names,
                          'unit-box' normalisation, the CC BY-NC-SA licence text).
The full-size checkpoint converts to 7.4 MB; this one stays far under 1 MB.
"""
import os
import sys
import tempfile

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from brepnet import BRepNet  # noqa: E402
from convert import convert  # noqa: E402
from export import example_inputs, prism  # noqa: E402
from make_testdata import OUT, randomize  # noqa: E402
from test_convert import save_lightning_checkpoint  # noqa: E402


def grid_like_inputs(topo, generator):
    x = example_inputs('uvnet', topo, generator)
    f, c = x['Gf'].shape[0], x['Gc'].shape[0]
    x['Gf'] = torch.randn(f, 7, 1, 1, generator=generator) + 0.1 * x['Gf']
    x['Gc'] = torch.randn(c, 12, 1, generator=generator) + 0.1 * x['Gc']
    return x


def main():
    model = randomize(BRepNet('uvnet', num_layers=5, s=8, num_classes=8, encoder_widths=(4, 8, 16), embedding=8), 5)
    # PyTorch's default init shrinks the signal layer by layer; through 2 encoders and 5 units the
    # output would hardly depend on the grids. He init keeps it alive, so the test can see them.
    torch.manual_seed(5)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Linear, nn.Conv1d, nn.Conv2d)):
                nn.init.kaiming_normal_(m.weight, nonlinearity='leaky_relu')
        # A random net's embeddings share one large component, so every face would get the same
        # class; centre and scale the logits on grid-like inputs (per-face constants plus noise,
        # as planar faces' points and normals are) so that faces can differ.
        x = grid_like_inputs(prism(7), torch.Generator().manual_seed(3))
        _, emb = model(*(x[n] for n in model.input_names))
        head = model.classification_layer
        head.weight.mul_(4.0 / emb.std(dim=0, keepdim=True).clamp_min(1e-3))
        head.bias.copy_(-head.weight @ emb.mean(dim=0))
        logits, _ = model(*(x[n] for n in model.input_names))
    assert len(set(logits.argmax(dim=1).tolist())) > 1, 'every face got the same class'
    out = os.path.join(OUT, 'tiny-autodesk-uvnet.onnx')
    with tempfile.TemporaryDirectory() as tmp:
        ckpt = os.path.join(tmp, 'tiny-autodesk-uvnet.ckpt')
        save_lightning_checkpoint(model.state_dict(), ckpt)
        converted, _ = convert(ckpt, out, model_version='tiny-autodesk-uvnet-test-1')
    assert converted.variant == 'uvnet'
    print(out, os.path.getsize(out))


if __name__ == '__main__':
    main()
