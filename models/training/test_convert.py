"""Converter test on synthetic checkpoints with the key names and shapes of Autodesk's checkpoints (no real weights).

  /usr/bin/python3 models/training/test_convert.py OUT_DIR

For A ('features') and B ('uvnet'): random weights (and BatchNorm statistics) with exactly the
keys/shapes of docs/model-inputs.md §c.2/§c.3, saved as a Lightning-style .ckpt that pickles a class of an
uninstalled package, converted by convert.py, and checked: strict load, parameter counts, the
vectorised face pooling against a per-face reference of the reference code's semantics. Writes
OUT_DIR/{a,b}.onnx and OUT_DIR/{a,b}.vectors.json (inputs + PyTorch outputs); the vitest test
src/analysis/ml/convert.test.ts runs them in onnxruntime-node and compares to 1e-5.
"""
import argparse
import os
import sys

import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from brepnet import BRepNet, collate, gather_psi  # noqa: E402
from convert import LICENSE, convert  # noqa: E402
from export import example_inputs, prism  # noqa: E402

# docs/model-inputs.md §c.2 / c.3: tensor count (incl. BN buffers) and trainable parameter count, and sample shapes.
EXPECTED = {
    'a': dict(tensors=7, params=359100, shapes={
        'layers.0.mlp.mlp.linear_0.weight': (252, 70), 'layers.0.mlp.mlp.linear_1.bias': (252,),
        'output_layer.mlp.mlp.linear_0.weight': (252, 1092), 'output_layer.mlp.mlp.linear_1.weight': (8, 252)}),
    'b': dict(tensors=69, params=1844088, shapes={
        'surface_encoder.conv1.0.weight': (64, 7, 3, 3), 'surface_encoder.conv3.1.running_var': (256,),
        'surface_encoder.fc.0.weight': (64, 256), 'curve_encoder.conv1.0.weight': (64, 12, 3),
        'curve_encoder.conv2.0.weight': (128, 64, 3), 'layers.0.mlp.mlp.linear_0.weight': (252, 517),
        'layers.3.mlp.mlp.linear_0.weight': (252, 1092), 'output_layer.mlp.mlp.linear_0.weight': (84, 1092),
        'output_layer.mlp.mlp.linear_1.weight': (84, 84), 'classification_layer.weight': (8, 84),
        'classification_layer.bias': (8,), 'surface_encoder.conv1.1.num_batches_tracked': ()}),
}


class ModelCheckpoint:  # pickled as pytorch_lightning.callbacks.model_checkpoint.ModelCheckpoint
    pass


def synthetic_state_dict(variant, generator):
    """Random weights at PyTorch's default init scale (as a trained net's are, roughly), random
    biases and BatchNorm statistics, so that every tensor affects the output."""
    torch.manual_seed(int(torch.randint(0, 2**31, (1,), generator=generator)))
    model = BRepNet('features') if variant == 'a' else BRepNet('uvnet', num_layers=5)
    sd = model.state_dict()
    for k, v in sd.items():
        if k.endswith('running_var'):
            sd[k] = torch.rand(v.shape, generator=generator) + 0.5
        elif k.endswith('num_batches_tracked'):
            sd[k] = torch.tensor(1000)
        elif k.endswith(('running_mean', 'bias')):
            sd[k] = torch.randn(v.shape, generator=generator) * 0.1
    exp = EXPECTED[variant]
    assert len(sd) == exp['tensors'], (variant, len(sd))
    params = sum(v.numel() for k, v in sd.items() if 'running_' not in k and 'num_batches' not in k)
    assert params == exp['params'], (variant, params)
    for k, shape in exp['shapes'].items():
        assert tuple(sd[k].shape) == shape, (k, tuple(sd[k].shape), shape)
    return sd


def save_lightning_checkpoint(sd, path):
    """Pickles ModelCheckpoint as a class of a fake, then removed, pytorch_lightning package."""
    import argparse as ap
    import types
    names = ['pytorch_lightning', 'pytorch_lightning.callbacks', 'pytorch_lightning.callbacks.model_checkpoint']
    ModelCheckpoint.__module__ = names[-1]
    ModelCheckpoint.__qualname__ = 'ModelCheckpoint'
    for n in names:
        sys.modules[n] = types.ModuleType(n)
    sys.modules[names[-1]].ModelCheckpoint = ModelCheckpoint
    try:
        torch.save({'state_dict': sd, 'epoch': 49, 'pytorch-lightning_version': '1.3.1',
                    'hyper_parameters': {'opts': ap.Namespace(num_filters=84, num_classes=8)},
                    'callbacks': {ModelCheckpoint: {'best_model_score': torch.tensor(0.5)}},
                    'optimizer_states': [{'state': {}}]}, path)
    finally:
        for n in names:
            del sys.modules[n]


def reference_face_pool(h, faces):
    """The reference semantics: faces with <= 30 coedges are padded to 30 with a zero row."""
    rows = []
    for uses in faces:
        x = h[uses]
        if len(uses) < 30:
            x = torch.cat([x, torch.zeros(30 - len(uses), h.shape[1])])
        rows.append(x.max(dim=0).values)
    return torch.stack(rows)


def check_pooling(model, example, faces):
    """Output unit of A, recomputed with the per-face reference pooling."""
    with torch.no_grad():
        unit = model.layers[0]
        hf, he, hc = unit(*(example[n] for n in ('Xf', 'Xe', 'Xc', 'Kf', 'Ke', 'Kc', 'Ce', 'Cf')))
        s = unit.s
        out0 = unit.mlp(gather_psi(example['Xf'], example['Xe'], example['Xc'], example['Kf'], example['Ke'], example['Kc']))
        assert torch.equal(hf, reference_face_pool(out0[:, 2 * s:], faces))
        logits = reference_face_pool(model.output_layer.mlp(gather_psi(hf, he, hc, example['Kf'], example['Ke'], example['Kc'])), faces)
        fast = model(*(example[n] for n in model.input_names))
        assert torch.equal(fast, logits), (fast - logits).abs().max()
        small = [i for i, f in enumerate(faces) if len(f) < 30]
        assert (fast[small] >= 0).all() and (fast[[i for i in range(len(faces)) if i not in small]] < 0).any()


def main():
    p = argparse.ArgumentParser()
    p.add_argument('out_dir')
    out = p.parse_args().out_dir
    os.makedirs(out, exist_ok=True)
    generator = torch.Generator().manual_seed(1234)
    for variant in ('a', 'b'):
        ckpt = os.path.join(out, f'{variant}.ckpt')
        save_lightning_checkpoint(synthetic_state_dict(variant, generator), ckpt)
        onnx_path = os.path.join(out, f'{variant}.onnx')
        model, meta = convert(ckpt, onnx_path, vectors=os.path.join(out, f'{variant}.vectors.json'))
        assert model.variant == ('features' if variant == 'a' else 'uvnet')
        props = {e.key: e.value for e in onnx.load(onnx_path).metadata_props}
        assert props['license'] == LICENSE and 'NON-COMMERCIAL' in props['license']
        assert props['vectis.class_kind'] == 'modelling-operations'
        if variant == 'a':
            topo = prism(98)
            check_pooling(model, example_inputs('features', topo, torch.Generator().manual_seed(0)), topo['faces'])
        print(f'{variant}: ok ({onnx_path})')
    check_collate()


def check_collate():
    """Two parts batched by brepnet.collate give each part's own logits."""
    model = BRepNet('features', num_layers=3, s=16, num_classes=5).eval()
    parts = [example_inputs('features', prism(n), torch.Generator().manual_seed(n)) for n in (98, 5, 31)]
    batch = collate(parts)
    with torch.no_grad():
        together = model(*(batch[n] for n in model.input_names))
        alone = torch.cat([model(*(p[n] for n in model.input_names)) for p in parts])
    assert torch.allclose(together, alone, atol=1e-6), (together - alone).abs().max()
    print('collate: ok')


if __name__ == '__main__':
    main()
