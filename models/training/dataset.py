"""Training sets written by models/training/export-dataset.ts ('vectis-dataset/1'), and metrics.

load_set(prefix) -> (header, parts): parts[i] is a dict of torch tensors in the layout of
brepnet.collate / load_inputs_json (Xf, Xe, Xc float32; Kf, Ke, Kc, Ce, Cf, labels int64).
"""
import json

import numpy as np
import torch

COLUMNS = {'Xf': 7, 'Xe': 10, 'Xc': 1, 'Kf': 2, 'Ke': 5, 'Kc': 6, 'Ce': 2}
ROWS = {'Xf': 'F', 'Xe': 'E', 'Xc': 'C', 'Kf': 'C', 'Ke': 'C', 'Kc': 'C', 'Ce': 'E', 'labels': 'F'}


def load_set(prefix):
    with open(prefix + '.json') as f:
        header = json.load(f)
    if header.get('format') != 'vectis-dataset/1':
        raise ValueError(f'{prefix}.json is not a vectis-dataset/1 file')
    raw = np.fromfile(prefix + '.bin', dtype='<u1')
    arrays = {}
    for name, a in header['arrays'].items():
        dtype = np.float32 if a['dtype'] == 'float32' else np.int32
        arrays[name] = raw[a['offset']:a['offset'] + 4 * a['length']].view(dtype)
    at = {name: 0 for name in arrays}
    parts = []
    for p in header['parts']:
        part = {}
        for name, arr in arrays.items():
            if name == 'Cf':
                n, shape = p['F'] * p['K'], (p['F'], p['K'])
            else:
                rows = p[ROWS[name]]
                cols = header.get('columns', COLUMNS).get(name, 1)
                n, shape = rows * cols, (rows, cols) if name != 'labels' else (rows,)
            chunk = arr[at[name]:at[name] + n].reshape(shape)
            at[name] += n
            t = torch.from_numpy(chunk.copy())
            part[name] = t if t.is_floating_point() else t.long()
        part['name'] = p['name']
        part['kind'] = p.get('kind', 'external')
        parts.append(part)
    return header, parts


def confusion(pred, truth, n):
    """n x n counts, rows = truth, columns = prediction."""
    idx = truth.long() * n + pred.long()
    return torch.bincount(idx, minlength=n * n).reshape(n, n)


def scores(conf, classes):
    """Face accuracy, per-class IoU (classes present in truth or prediction), their mean."""
    conf = conf.double()
    tp = conf.diag()
    truth = conf.sum(1)
    pred = conf.sum(0)
    union = truth + pred - tp
    iou = {classes[i]: float(tp[i] / union[i]) for i in range(len(classes)) if union[i] > 0}
    support = {classes[i]: int(truth[i]) for i in range(len(classes)) if truth[i] > 0}
    acc = float(tp.sum() / conf.sum()) if conf.sum() > 0 else float('nan')
    present = [iou[c] for c in support]
    return {'faces': int(conf.sum()), 'accuracy': acc,
            'mean_iou': float(np.mean(present)) if present else float('nan'),
            'iou': iou, 'support': support}
