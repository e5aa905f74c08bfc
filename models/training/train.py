"""Trains our BRepNet face-segmentation model on generated parts and exports it to ONNX.

  /usr/bin/python3 models/training/train.py --train data/sets/train --val data/sets/val \
      [--extra data/sets/mfcad-dev ...] --out models/vectis-brepnet.onnx [--epochs N] [--seed S]

Sets are written by models/training/export-dataset.ts. Everything that draws random numbers is
seeded (weights, shuffling), torch runs with a fixed thread count and deterministic algorithms: the
same data and arguments give the same weights (checked: two runs, identical parameters). `npm run model:train` runs the whole chain (data, export, this).
"""
import argparse
import json
import math
import os
import sys
import time

import warnings

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
warnings.filterwarnings('ignore', message='scatter_reduce')
from brepnet import BRepNet, collate, gather_psi  # noqa: E402
from dataset import confusion, load_set, scores  # noqa: E402
from export import export_onnx  # noqa: E402
from onnx_weights import state_dict_from_onnx  # noqa: E402


def batches(parts, budget, rng):
    """Shuffled batches of whole parts, each up to `budget` coedges."""
    order = rng.permutation(len(parts))
    batch, size = [], 0
    for i in order:
        c = parts[i]['Kc'].shape[0]
        if batch and size + c > budget:
            yield batch
            batch, size = [], 0
        batch.append(parts[i])
        size += c
    if batch:
        yield batch


def forward(model, g):
    """BRepNet.forward for models without the zero-row quirk (zero_row=False), with the face
    max-pool as one scatter over coedges instead of a gather over the padded [F, K] table: the
    same numbers (checked in check_forward), about 2.5x faster to train on CPU."""
    xf, xe, xc = g['Xf'], g['Xe'], g['Xc']
    kf, ke, kc, ce = g['Kf'], g['Ke'], g['Kc'], g['Ce']
    index = kf[:, :1]
    faces = xf.shape[0]

    def pool(h):
        empty = torch.full((faces, h.shape[1]), -3.0e38, dtype=h.dtype)
        return empty.scatter_reduce(0, index.expand(-1, h.shape[1]), h, 'amax', include_self=True)

    for unit in model.layers:
        out = unit.mlp(gather_psi(xf, xe, xc, kf, ke, kc))
        s = unit.s
        xf, xe, xc = pool(out[:, 2 * s:]), torch.maximum(out[ce[:, 0], s:2 * s], out[ce[:, 1], s:2 * s]), out[:, :s]
    return pool(model.output_layer.mlp(gather_psi(xf, xe, xc, kf, ke, kc)))


@torch.no_grad()
def check_forward(model, g):
    ref = model(*(g[k] for k in model.input_names))
    diff = float((ref - forward(model, g)).abs().max())
    if not diff <= 1e-4 * max(1.0, float(ref.abs().max())):
        raise AssertionError(f'fast forward differs from BRepNet.forward by {diff}')


@torch.no_grad()
def evaluate(model, parts, classes, budget=20000):
    model.eval()
    conf = torch.zeros(len(classes), len(classes), dtype=torch.int64)
    for batch in batches(parts, budget, np.random.RandomState(0)):
        g = collate(batch)
        pred = forward(model, g).argmax(1)
        conf += confusion(pred, g['labels'], len(classes))
    return scores(conf, classes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True, nargs='+',
                    help='one or more exported sets (parts in the order given: a set exported in pieces trains as the whole)')
    ap.add_argument('--val', required=True)
    ap.add_argument('--extra', nargs='*', default=[])
    ap.add_argument('--out', required=True)
    ap.add_argument('--metrics', default=None, help='training summary JSON (default: beside --out)')
    ap.add_argument('--checkpoint', default=None, help='also save the PyTorch state_dict here')
    ap.add_argument('--epochs', type=int, default=30)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--layers', type=int, default=3)
    ap.add_argument('--width', type=int, default=64)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--budget', type=int, default=3000, help='coedges per batch')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--minutes', type=float, default=0, help='stop early after this long (0: no limit)')
    ap.add_argument('--version', default='vectis-brepnet-1')
    ap.add_argument('--init', default=None,
                    help='fine-tune: start from this state_dict (the --checkpoint of an earlier run) or one of our ONNX models instead of random weights')
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    # Index backward (index_put_ with accumulate) is threaded and order-dependent on CPU unless
    # deterministic algorithms are asked for: with them, a rerun gives the same weights bit for bit.
    torch.use_deterministic_algorithms(True)
    rng = np.random.RandomState(args.seed)
    header, train = load_set(args.train[0])
    for more in args.train[1:]:
        other, parts = load_set(more)
        if other['columns'] != header['columns'] or other['standardization'] != header['standardization']:
            raise ValueError(f'{more}: other columns or standardisation than {args.train[0]}')
        train += parts
    classes = header['classes']
    _, val = load_set(args.val)
    extras = {os.path.basename(p): load_set(p)[1] for p in args.extra}
    print(f'train {len(train)} parts / {sum(p["labels"].shape[0] for p in train)} faces, '
          f'val {len(val)}, extra {[(k, len(v)) for k, v in extras.items()]}', flush=True)

    cols = header['columns']
    model = BRepNet('features', num_layers=args.layers, s=args.width, num_classes=len(classes), zero_row=False,
                    feature_dims=(cols['Xf'], cols['Xe'], cols['Xc']))
    if args.init:
        # Same architecture flags as the run that wrote it: load_state_dict refuses any mismatch.
        # An ONNX file of ours (its checkpoint not kept) or a state_dict from --checkpoint.
        init = state_dict_from_onnx(args.init, model) if args.init.endswith('.onnx') else torch.load(args.init, map_location='cpu')
        model.load_state_dict(init)
        print(f'fine-tuning from {args.init}', flush=True)
    check_forward(model, collate(val[:8]))
    params = sum(p.numel() for p in model.parameters())
    print(f'model: {args.layers} units, s={args.width}, {params} parameters', flush=True)
    steps_per_epoch = sum(1 for _ in batches(train, args.budget, np.random.RandomState(0)))
    total = args.epochs * steps_per_epoch
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min(1.0, (k + 1) / 100) * 0.5 * (1 + math.cos(math.pi * min(k, total) / total)))
    loss_fn = nn.CrossEntropyLoss()
    t0 = time.time()
    history = []
    for epoch in range(args.epochs):
        model.train()
        run, n = 0.0, 0
        for batch in batches(train, args.budget, rng):
            g = collate(batch)
            loss = loss_fn(forward(model, g), g['labels'])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            run += float(loss) * len(batch)
            n += len(batch)
        v = evaluate(model, val, classes)
        history.append({'epoch': epoch + 1, 'loss': run / n, 'val_accuracy': v['accuracy'], 'minutes': (time.time() - t0) / 60})
        print(f'epoch {epoch + 1}: loss {run / n:.4f}  val acc {v["accuracy"]:.4f}  mIoU {v["mean_iou"]:.4f}  '
              f'{(time.time() - t0) / 60:.1f} min', flush=True)
        if args.minutes and (time.time() - t0) / 60 > args.minutes:
            print('time limit reached', flush=True)
            break

    check_forward(model, collate(val[:8]))
    results = {'validation': evaluate(model, val, classes)}
    for name, parts in extras.items():
        results[name] = evaluate(model, parts, classes)
    for name, r in results.items():
        print(f'{name}: accuracy {r["accuracy"]:.4f}, mean IoU {r["mean_iou"]:.4f} over {r["faces"]} faces', flush=True)

    standardization = header['standardization']
    if standardization is None:
        raise ValueError('train on standardised sets (export-dataset.ts without --raw)')
    # Edge columns beyond BRepNet's statistics (the dihedral cosine) are passed through as they are.
    extra = header['columns']['Xe'] - len(standardization['edge_features'])
    standardization = dict(standardization, edge_features=standardization['edge_features']
                           + [{'mean': 0.0, 'standard_deviation': 1.0}] * extra)
    example = collate(val[:1])
    meta = {
        'vectis.format': 'brepnet/1',
        'vectis.variant': 'features',
        'vectis.classes': classes,
        'vectis.class_kind': 'machining-features',
        'vectis.background': ['stock', 'turned_profile'],
        'vectis.model_version': args.version,
        'vectis.normalization': header['normalization'],
        'vectis.edge_features': header.get('edgeFeatures', 'brepnet'),
        'vectis.standardization': standardization,
        'license': 'Vectis (own weights, trained on Vectis-generated parts)',
        'source': f'models/training/train.py seed {args.seed}, {len(train)} generated parts',
    }
    export_onnx(model, {k: example[k] for k in model.input_names}, args.out, meta)
    if args.checkpoint:
        torch.save(model.state_dict(), args.checkpoint)
    summary = {'args': vars(args), 'parameters': params, 'train_parts': len(train), 'history': history,
               'results': results, 'train_minutes': (time.time() - t0) / 60}
    with open(args.metrics or os.path.splitext(args.out)[0] + '.training.json', 'w') as f:
        json.dump(summary, f, indent=1)
    print(f'wrote {args.out} ({os.path.getsize(args.out) / 1e6:.2f} MB)', flush=True)


if __name__ == '__main__':
    main()
