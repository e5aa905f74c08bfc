"""Autodesk BRepNet checkpoint (.ckpt) -> ONNX (opset 17) with Vectis metadata.

  npm run model:convert -- <file.ckpt> [--out x.onnx] [--model-version V] [--vectors v.json]
  (= /usr/bin/python3 models/training/convert.py ...)

Both published variants (docs/model-inputs.md §c.2 'features' = checkpoint A, §c.3 'uvnet' = checkpoint B) are
recognised from the state_dict keys and loaded strictly into brepnet.py. Lightning checkpoints
that pickle classes of packages not installed here (pytorch_lightning, ...) load through stubs.

LICENCE: the weights are Autodesk's, CC BY-NC-SA 4.0 (non-commercial), trained on the Fusion 360
Gallery (non-commercial research licence). The ONNX file states this in its metadata (`license`)
and may not be used in a paid service.
"""
import argparse
import hashlib
import json
import os
import sys
import types

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from brepnet import build_for_state_dict  # noqa: E402
from export import example_inputs, export_onnx, prism, tensors_json  # noqa: E402

LICENSE = ('CC BY-NC-SA 4.0 (https://creativecommons.org/licenses/by-nc-sa/4.0/): weights from '
           'Autodesk AI Lab BRepNet (github.com/AutodeskAILab/BRepNet), trained on the Fusion 360 '
           'Gallery dataset (non-commercial research licence). NON-COMMERCIAL USE ONLY: not for a '
           'paid quoting service. Attribution: Lambourne et al., BRepNet, CVPR 2021. Adaptations '
           'must be shared under the same licence.')
SEGMENT_NAMES = ['ExtrudeSide', 'ExtrudeEnd', 'CutSide', 'CutEnd', 'Fillet', 'Chamfer', 'RevolveSide', 'RevolveEnd']
# Git blob ids of the two published checkpoints (Autodesk's BRepNet repository, as published).
KNOWN_BLOBS = {
    'ee0287262b71a21cf78affab33a0be4f484808ae': 'pretrained_s2.0.0_step_all_features_0519_073100 (A)',
    '7d61b5d24cac1fb239fa9ab34dfbc26e9ae5ccbf': 'pretrained_s2.0.0_extended_step_uv_net_features_0816_183419 (B)',
}
STANDARDIZATION = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'analysis', 'ml', 'inputs', 'standardization.ts')


class _Stub:
    """Stands in for any class the checkpoint pickles from a package that is not installed."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs

    def __setstate__(self, state):
        self.state = state

    def __call__(self, *args, **kwargs):
        return _Stub(*args, **kwargs)


def _stub_module(name):
    """A module whose every attribute is a stub class (PEP 562 module __getattr__)."""
    mod = types.ModuleType(name)
    mod.__getattr__ = lambda attr: type(attr, (_Stub,), {'__module__': name})
    mod.__path__ = []  # a package, so that submodules can be imported too
    return mod


def load_checkpoint_state_dict(path):
    """state_dict of a Lightning .ckpt (or a bare state_dict file), without pytorch_lightning:
    each missing module the pickle names is stubbed for the duration of the load, then removed.
    (torch 1.13 as packaged by Debian ignores torch.load's pickle_module, so no custom Unpickler.)"""
    stubs = []
    try:
        for _ in range(50):
            try:
                obj = torch.load(path, map_location='cpu')
                break
            except ModuleNotFoundError as e:
                if not e.name or e.name in sys.modules:
                    raise
                parts = e.name.split('.')
                for i in range(1, len(parts) + 1):
                    name = '.'.join(parts[:i])
                    if name not in sys.modules:
                        sys.modules[name] = _stub_module(name)
                        stubs.append(name)
        else:
            raise RuntimeError(f'{path}: too many missing modules')
    finally:
        for name in stubs:
            sys.modules.pop(name, None)
    sd = obj.get('state_dict', obj) if isinstance(obj, dict) else obj
    sd = {k[len('model.'):] if k.startswith('model.') else k: v for k, v in sd.items()}
    return sd, obj if isinstance(obj, dict) else {}


def git_blob_id(path):
    with open(path, 'rb') as f:
        data = f.read()
    return hashlib.sha1(b'blob %d\0' % len(data) + data).hexdigest()


def brepnet_standardization():
    """The statistics committed in standardization.ts (copied from BRepNet's file)."""
    import re
    text = open(STANDARDIZATION).read()
    out = {}
    for key in ('face_features', 'edge_features', 'coedge_features'):
        block = text[text.index(f'  {key}: ['):]
        block = block[:block.index('],')]
        out[key] = [dict(mean=float(m), standard_deviation=float(s)) for m, s in
                    re.findall(r'mean: ([-0-9.e]+), standard_deviation: ([-0-9.e]+)', block)]
    return out


def convert(ckpt, out, model_version=None, vectors=None, seed=0):
    sd, meta = load_checkpoint_state_dict(ckpt)
    model = build_for_state_dict(sd)  # strict: fails loudly on any key/shape mismatch
    blob = git_blob_id(ckpt)
    source = KNOWN_BLOBS.get(blob, f'unrecognised checkpoint (git blob {blob})')
    metadata = {
        'vectis.format': 'brepnet/1',
        'vectis.variant': model.variant,
        'vectis.classes': SEGMENT_NAMES if len(SEGMENT_NAMES) == _classes(model) else
        [f'class_{i}' for i in range(_classes(model))],
        'vectis.class_kind': 'modelling-operations',
        'vectis.model_version': model_version or f'autodesk-brepnet-{model.variant}-{blob[:8]}',
        'vectis.normalization': 'unit-box',
        'license': LICENSE,
        'source': f'{os.path.basename(ckpt)}: {source}',
    }
    if model.variant == 'features':
        metadata['vectis.standardization'] = brepnet_standardization()
    hp = meta.get('hyper_parameters')
    if hp is not None:
        metadata['vectis.hyper_parameters'] = repr(hp)[:4000]
    generator = torch.Generator().manual_seed(seed)
    example = example_inputs(model.variant, prism(98), generator)
    export_onnx(model, example, out, metadata)
    if vectors:
        with torch.no_grad():
            outputs = model(*(example[n] for n in model.input_names))
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        doc = dict(inputs=tensors_json({n: example[n] for n in model.input_names}),
                   outputs=tensors_json(dict(zip(model.output_names, outputs))))
        with open(vectors, 'w') as f:
            json.dump(doc, f)
    return model, metadata


def _classes(model):
    head = model.classification_layer if model.variant == 'uvnet' else model.output_layer.mlp.mlp.linear_1
    return head.weight.shape[0]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('ckpt')
    p.add_argument('--out', help='default: <ckpt name>.onnx beside the checkpoint')
    p.add_argument('--model-version')
    p.add_argument('--vectors', help='also write example inputs and PyTorch outputs (JSON) here')
    a = p.parse_args(argv)
    out = a.out or os.path.splitext(a.ckpt)[0] + '.onnx'
    model, metadata = convert(a.ckpt, out, a.model_version, a.vectors)
    params = sum(v.numel() for k, v in model.state_dict().items() if 'running_' not in k and 'num_batches' not in k)
    print(f'{out}: variant {model.variant}, {params} parameters, {os.path.getsize(out)} bytes; {metadata["source"]}')
    print('LICENCE of the weights: ' + LICENSE)


if __name__ == '__main__':
    main()
