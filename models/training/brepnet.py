"""BRepNet (Lambourne et al., CVPR 2021) re-implemented as docs/model-inputs.md §c describes.

Our own code (no BRepNet code copied). Module names are chosen so that state_dict keys and shapes
equal those of Autodesk's checkpoints (docs/model-inputs.md §c.2 / c.3), which therefore load with strict=True.

Variants
  'features' (checkpoint A, and our own models): scalar inputs Xf [F,7], Xe [E,10], Xc [C,1];
      layers.0 .. layers.{n-2} convolution units (D -> 3s -> 3s) and an output unit
      (13s -> h -> classes, last Linear without bias) whose face max-pool gives the logits.
  'uvnet' (checkpoint B): UV-Net encoders on face grids Gf [F,7,10,10] and coedge grids
      Gc [C,12,10] give Xf/Xc (64-d); Xe is one zero column; 4 units; output unit 13s -> s -> s,
      face max-pool -> s-d embedding -> classification_layer (s -> classes).

Topology inputs (int64, see src/analysis/ml/inputs/kernel.ts, which builds them):
  Kf [C,2], Ke [C,5], Kc [C,6]  winged-edge kernel; Ce [E,2] edge pooling;
  Cf [F,K]  face pooling: coedge ids, padded with C (the appended all-zero row: reproduces the
            reference's zero-row quirk for faces with < 30 coedges) or C+1 (a row of -3e38).
"""
from collections import OrderedDict
import json

import torch
from torch import nn

NEG = -3.0e38
TOPOLOGY = ('Kf', 'Ke', 'Kc', 'Ce', 'Cf')
FEATURE_INPUTS = ('Xf', 'Xe', 'Xc') + TOPOLOGY
UVNET_INPUTS = ('Gf', 'Gc') + TOPOLOGY


class MLP(nn.Module):
    """Linear layers named linear_i (keys `mlp.linear_i.*`), ReLU after each except, for the
    output unit, the last one, which also has no bias. Dropout only acts in training."""

    def __init__(self, sizes, last_plain=False, dropout=0.0):
        super().__init__()
        layers = OrderedDict()
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            last = i == len(sizes) - 2
            layers[f'linear_{i}'] = nn.Linear(a, b, bias=not (last and last_plain))
            if last and last_plain:
                break
            if dropout > 0:
                layers[f'dropout_{i}'] = nn.Dropout(dropout)
            layers[f'relu_{i}'] = nn.ReLU()
        self.mlp = nn.Sequential(layers)

    def forward(self, x):
        return self.mlp(x)


def gather_psi(xf, xe, xc, kf, ke, kc):
    """Psi [C, 2nf + 5ne + 6nc]: kernel rows of faces, edges, coedges, entity-major (docs/model-inputs.md §c.1)."""
    c = kf.shape[0]
    return torch.cat([xf[kf].reshape(c, -1), xe[ke].reshape(c, -1), xc[kc].reshape(c, -1)], dim=1)


def pool_faces(h, cf, zero_row=True):
    """Max over each face's coedges; index C is a zero row, C+1 a -3e38 row (docs/model-inputs.md §b).
    zero_row=False makes index C neutral too (no clamping at 0: an option for our own models)."""
    width = h.shape[1]
    first = torch.zeros(1, width, dtype=h.dtype) if zero_row else torch.full((1, width), NEG, dtype=h.dtype)
    pad = torch.cat([first, torch.full((1, width), NEG, dtype=h.dtype)])
    return torch.amax(torch.cat([h, pad])[cf], dim=1)


class ConvUnit(nn.Module):
    def __init__(self, d_in, s, num_mlp_layers=2, dropout=0.0):
        super().__init__()
        self.s = s
        self.mlp = MLP([d_in] + [3 * s] * num_mlp_layers, dropout=dropout)

    def forward(self, xf, xe, xc, kf, ke, kc, ce, cf):
        out = self.mlp(gather_psi(xf, xe, xc, kf, ke, kc))
        s = self.s
        hc, he, hf = out[:, :s], out[:, s:2 * s], out[:, 2 * s:]
        return pool_faces(hf, cf), torch.maximum(he[ce[:, 0]], he[ce[:, 1]]), hc


class OutputUnit(nn.Module):
    def __init__(self, d_in, hidden, out, zero_row=True):
        super().__init__()
        self.zero_row = zero_row
        self.mlp = MLP([d_in, hidden, out], last_plain=True)

    def forward(self, xf, xe, xc, kf, ke, kc, cf):
        return pool_faces(self.mlp(gather_psi(xf, xe, xc, kf, ke, kc)), cf, self.zero_row)


def _conv_block(conv, bn, c_in, c_out):
    return nn.Sequential(conv(c_in, c_out, 3, padding=1, bias=False), bn(c_out), nn.LeakyReLU(0.01))


class GridEncoder(nn.Module):
    """UV-Net encoder: 3 conv blocks, global average pool, Linear (no bias) + BN1d + LeakyReLU."""

    def __init__(self, dims, c_in, widths=(64, 128, 256), out=64):
        super().__init__()
        conv, bn = (nn.Conv2d, nn.BatchNorm2d) if dims == 2 else (nn.Conv1d, nn.BatchNorm1d)
        self.dims = dims
        self.conv1 = _conv_block(conv, bn, c_in, widths[0])
        self.conv2 = _conv_block(conv, bn, widths[0], widths[1])
        self.conv3 = _conv_block(conv, bn, widths[1], widths[2])
        self.fc = nn.Sequential(nn.Linear(widths[2], out, bias=False), nn.BatchNorm1d(out), nn.LeakyReLU(0.01))

    def forward(self, x):
        x = self.conv3(self.conv2(self.conv1(x)))
        x = x.mean(dim=[2, 3] if self.dims == 2 else [2])
        return self.fc(x)


class BRepNet(nn.Module):
    def __init__(self, variant='features', num_layers=2, s=84, num_classes=8, num_mlp_layers=2,
                 feature_dims=(7, 10, 1), output_hidden=None, dropout=0.0,
                 encoder_widths=(64, 128, 256), embedding=64, zero_row=True):
        """zero_row: keep the reference's zero-row quirk in the output unit's face pooling (needed
        for Autodesk's weights; our own models may switch it off, which lets small faces have
        negative logits). Hidden units are unaffected either way (ReLU outputs are >= 0)."""
        super().__init__()
        self.variant = variant
        if variant == 'features':
            nf, ne, nc = feature_dims
        elif variant == 'uvnet':
            self.surface_encoder = GridEncoder(2, 7, encoder_widths, embedding)
            self.curve_encoder = GridEncoder(1, 12, encoder_widths, embedding)
            nf, ne, nc = embedding, 1, embedding
        else:
            raise ValueError(f'unknown variant {variant!r}')
        d0, d = 2 * nf + 5 * ne + 6 * nc, 13 * s
        self.layers = nn.ModuleList(
            [ConvUnit(d0 if i == 0 else d, s, num_mlp_layers, dropout) for i in range(num_layers - 1)])
        if variant == 'features':
            self.output_layer = OutputUnit(d, output_hidden or 3 * s, num_classes, zero_row)
        else:
            self.output_layer = OutputUnit(d, output_hidden or s, s, zero_row)
            self.classification_layer = nn.Linear(s, num_classes)

    @property
    def input_names(self):
        return FEATURE_INPUTS if self.variant == 'features' else UVNET_INPUTS

    @property
    def output_names(self):
        return ('face_logits',) if self.variant == 'features' else ('face_logits', 'face_embeddings')

    def forward(self, *inputs):
        """features: (Xf, Xe, Xc, Kf, Ke, Kc, Ce, Cf); uvnet: (Gf, Gc, Kf, Ke, Kc, Ce, Cf)."""
        if self.variant == 'features':
            xf, xe, xc, kf, ke, kc, ce, cf = inputs
        else:
            gf, gc, kf, ke, kc, ce, cf = inputs
            xf, xc = self.surface_encoder(gf), self.curve_encoder(gc)
            xe = ce[:, :1].to(xf.dtype) * 0.0  # one zero column per edge (edge inputs are off)
        for unit in self.layers:
            xf, xe, xc = unit(xf, xe, xc, kf, ke, kc, ce, cf)
        pooled = self.output_layer(xf, xe, xc, kf, ke, kc, cf)
        if self.variant == 'features':
            return pooled
        return self.classification_layer(pooled), pooled


def build_for_state_dict(sd):
    """The architecture whose keys and shapes equal those of `sd` (docs/model-inputs.md §c.2/c.3 or ours)."""
    variant = 'uvnet' if any(k.startswith('surface_encoder.') for k in sd) else 'features'
    units = sorted({int(k.split('.')[1]) for k in sd if k.startswith('layers.')})
    mlp0 = [k for k in sd if k.startswith('layers.0.mlp.mlp.linear_') and k.endswith('.weight')]
    s = sd['layers.0.mlp.mlp.linear_0.weight'].shape[0] // 3
    out_w = sd['output_layer.mlp.mlp.linear_0.weight']
    kw = dict(variant=variant, num_layers=len(units) + 1, s=s, num_mlp_layers=len(mlp0),
              output_hidden=out_w.shape[0])
    if variant == 'features':
        kw['num_classes'] = sd['output_layer.mlp.mlp.linear_1.weight'].shape[0]
        d0 = sd['layers.0.mlp.mlp.linear_0.weight'].shape[1]
        if d0 != 70:
            raise ValueError(f'first unit takes {d0} inputs; the scalar feature set (7/10/1) needs 70')
    else:
        kw['num_classes'] = sd['classification_layer.weight'].shape[0]
        kw['encoder_widths'] = tuple(sd[f'surface_encoder.conv{i}.0.weight'].shape[0] for i in (1, 2, 3))
        kw['embedding'] = sd['surface_encoder.fc.0.weight'].shape[0]
    model = BRepNet(**kw)
    model.load_state_dict(sd, strict=True)
    return model.eval()


def load_inputs_json(path):
    """Tensors written by src/analysis/ml/inputs/inputs.ts `inputsToJSON` (scripts/brepnet-inputs.ts)."""
    with open(path) as f:
        doc = json.load(f)
    out = {}
    for name, t in doc['tensors'].items():
        dtype = torch.float32 if t['dtype'] == 'float32' else torch.int64
        out[name] = torch.tensor(t['data'], dtype=dtype).reshape(t['shape'])
    if 'labels' in doc:
        out['labels'] = torch.tensor(doc['labels'], dtype=torch.int64)
    return out


def collate(graphs):
    """Several parts as one disjoint graph (for batched training): indices are offset, and the
    face-pooling padding (old C / C+1) is remapped to the batch's C / C+1; K = the largest K."""
    F = E = C = 0
    parts = {n: [] for n in ('Xf', 'Xe', 'Xc', 'Kf', 'Ke', 'Kc', 'Ce', 'Cf', 'labels')}
    total_c = sum(g['Kc'].shape[0] for g in graphs)
    k = max(g['Cf'].shape[1] for g in graphs)
    for g in graphs:
        f, e, c = g['Cf'].shape[0], g['Ce'].shape[0], g['Kc'].shape[0]
        for n in ('Xf', 'Xe', 'Xc'):
            parts[n].append(g[n])
        parts['Kf'].append(g['Kf'] + F)
        parts['Ke'].append(g['Ke'] + E)
        parts['Kc'].append(g['Kc'] + C)
        parts['Ce'].append(g['Ce'] + C)
        cf = g['Cf']
        cf = torch.where(cf == c, total_c, torch.where(cf == c + 1, total_c + 1, cf + C))
        pad = torch.full((f, k - cf.shape[1]), total_c + 1, dtype=cf.dtype)
        # A small face (< 30 coedges) keeps a zero-row entry among its first 30 columns already.
        parts['Cf'].append(torch.cat([cf, pad], dim=1))
        if 'labels' in g:
            parts['labels'].append(g['labels'])
        F, E, C = F + f, E + e, C + c
    return {n: torch.cat(v) for n, v in parts.items() if v}
