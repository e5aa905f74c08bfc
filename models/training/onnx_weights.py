"""Weights of one of our exported BRepNet models, read back from its ONNX file into a state_dict.

Lets `train.py --init model.onnx` fine-tune a shipped model whose PyTorch checkpoint was not kept
(the training data of one generator version, then the next). torch.onnx.export keeps parameter
names for the Linear layers it writes as Gemm; a bias-free Linear becomes a MatMul whose weight is
stored transposed under a generated name (`onnx::MatMul_N`): those are matched by shape, and only
when exactly one stored tensor fits.
"""
import onnx
import torch
from onnx import numpy_helper


def state_dict_from_onnx(path, model):
    stored = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in onnx.load(path).graph.initializer}
    state = {}
    for key, param in model.state_dict().items():
        if key in stored and stored[key].shape == param.shape:
            state[key] = stored[key]
            continue
        fits = [n for n, t in stored.items() if n.startswith('onnx::MatMul') and t.shape == param.shape[::-1]]
        if len(fits) != 1:
            raise ValueError(f'{path}: no unique tensor for {key} {tuple(param.shape)} (candidates {fits})')
        state[key] = stored[fits[0]].t().contiguous()
    return state
