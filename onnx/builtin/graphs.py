"""The built-in pack's graphs (torch modules exported to ONNX by onnx/build_builtin_pack.py).

Design (docs/builtin-pack.md):
- key_encoder: MobileNetV2 (ImageNet, from nsfwjs) on [L', L', L']; the key is a fixed linear
  projection of block_10 features (semantics) concatenated with a 4x4 thumbnail of L inside each
  16x16 cell (appearance), each part L2-normalised and weighted. Shrinkage is a constant that sets
  how sharp the memory's softmax is; selection is all ones.
- value_encoder: per object (a, b) the value is [1, chroma of the cell at 1/4 resolution (16 ch)].
  The constant channel is the attention mass, so the decoder can normalise readout + local
  attention whatever their weights.
- decoder: normalises, unfolds the cells to a 1/4-resolution chroma map, and snaps it to the
  current frame's L with a fast guided filter (coefficients at 1/4, applied at full resolution).
- local_attention: 15x15 window on the memory grid, the same distance as the memory affinity.
- refiner: fast guided upsampling of ab to the full-resolution lightness.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

CELL = 16
SUB = 8                      # chroma sub-cells per cell side: values hold chroma at 1/2 resolution
THUMB = 4                    # lightness thumbnail sub-cells per cell side in the key
VALUE_CH = 1 + SUB * SUB     # mass + chroma sub-cells


def zero_from(*tensors):
    """0 computed from one element of each tensor: keeps inputs that the contract names but this
    pack does not need in the exported graph (the exporter drops unused inputs)."""
    z = 0.0
    for t in tensors:
        z = z + t.flatten()[:1].sum() * 0.0
    return z


def box_mean(x, r):
    """Mean over a (2r+1)^2 window with edge replication (exportable: avg_pool on a padded map)."""
    if r == 0:
        return x
    return F.avg_pool2d(F.pad(x, (r, r, r, r), mode="replicate"), 2 * r + 1, stride=1)


def guided_coefficients(guide, src, r, eps):
    """Linear model src ~ A * guide + B per window (He et al.'s guided filter), mean-filtered."""
    mg, ms = box_mean(guide, r), box_mean(src, r)
    cov = box_mean(guide * src, r) - mg * ms
    var = box_mean(guide * guide, r) - mg * mg
    a = cov / (var + eps)
    b = ms - a * mg
    return box_mean(a, r), box_mean(b, r)


class KeyEncoder(nn.Module):
    def __init__(self, backbone, projection, mean, w_sem, w_app, w_pos, shrink):
        super().__init__()
        self.backbone = backbone                   # returns [block_10_project_BN] (96 ch, 1/16)
        self.register_buffer("mean", mean.view(1, -1, 1, 1))
        self.register_buffer("projection", projection)   # [K_sem, 96]
        self.w_sem, self.w_app, self.w_pos, self.shrink = w_sem, w_app, w_pos, shrink

    def forward(self, image):
        lum = image[:, :1]
        if self.w_sem > 0:
            (feat,) = self.backbone(F.avg_pool2d(image, 2))                  # 1/32 of the frame
            feat = F.interpolate(feat, scale_factor=2, mode="bilinear", align_corners=False)
            sem = F.conv2d(feat - self.mean, self.projection[:, :, None, None])
            sem = sem / (sem.norm(dim=1, keepdim=True) + 1e-6) * self.w_sem
        else:
            sem = torch.zeros_like(F.avg_pool2d(lum, CELL)).repeat(1, self.projection.shape[0], 1, 1)
        thumb = F.pixel_unshuffle(F.avg_pool2d(lum, CELL // THUMB), THUMB)   # [1, 16, h, w]
        thumb = thumb - thumb.mean(dim=1, keepdim=True) * 0.5
        app = thumb * self.w_app
        grid = F.avg_pool2d(lum, CELL)
        ys = torch.cumsum(torch.ones_like(grid), 2) * self.w_pos           # cell row, column
        xs = torch.cumsum(torch.ones_like(grid), 3) * self.w_pos
        key = torch.cat([sem, app, ys, xs], 1)
        ones = torch.ones_like(key[:, :1])
        f4 = F.pixel_unshuffle(lum, 4)                   # the full-resolution L, for the decoder
        f8 = F.avg_pool2d(lum, 8)
        f16 = F.avg_pool2d(lum, CELL)
        return f16, f8, f4, key, ones * self.shrink, torch.ones_like(key)


def half_cells(x):
    """A map at the network's resolution -> its 1/2-resolution samples per cell: [n, c*SUB*SUB, h, w]."""
    return F.pixel_unshuffle(F.avg_pool2d(x, CELL // SUB), SUB)


def steady_state(chroma, lum_cells, objects):
    """The hidden state of the temporal stabiliser, per object: [chroma (SUB^2), L (SUB^2), valid (1)]."""
    n, _, _, h, w = chroma.shape
    lum = lum_cells[:, None].expand(n, objects, SUB * SUB, h, w)
    valid = torch.ones_like(chroma[:, :, :1])
    return torch.cat([chroma, lum, valid], 2)


class ValueEncoder(nn.Module):
    """temporal: the stabiliser is on. The value then stores the chroma the decoder left in the
    state (exactly what it produced at 1/2 resolution; re-pooling the upsampled ab would blur the
    colours a little more at every memory frame). Without a state yet (the exemplars) it stores the
    given ab, pooled to 1/2 resolution."""

    def __init__(self, temporal=False):
        super().__init__()
        self.temporal = temporal

    def forward(self, image, ab, f16, hidden):
        chroma = half_cells(ab)                                           # [1, 2*SUB^2, h, w]
        n, _, h, w = chroma.shape
        chroma = chroma.reshape(n, 2, SUB * SUB, h, w)
        mass = torch.ones_like(chroma[:, :, :1]) + zero_from(image, f16)
        if not self.temporal:
            return torch.cat([mass, chroma], 2), hidden * 0.0
        valid = hidden[:, :, 2 * SUB * SUB:]
        chroma = valid * hidden[:, :, :SUB * SUB] + (1.0 - valid) * chroma
        return torch.cat([mass, chroma], 2), steady_state(chroma, half_cells(image[:, :1]), 2)


class Decoder(nn.Module):
    """radius/eps: guided filter (0 = plain bilinear). beta/sigma: temporal stabiliser (beta 0 = off):
    where a 1/2-resolution pixel's lightness has not changed since the previous frame (3x3 max of
    |dL'| well under sigma), up to beta of its chroma is taken from the previous frame's result.
    smooth: radius of a box filter on the 1/2-resolution chroma (seams between cells read from
    different places), mixed in with smooth_weight."""

    def __init__(self, radius, eps, beta=0.0, sigma=0.04, smooth=0, smooth_weight=1.0):
        super().__init__()
        self.radius, self.eps, self.beta, self.sigma, self.smooth = radius, eps, beta, sigma, smooth
        self.smooth_weight = smooth_weight

    def forward(self, f16, f8, f4, readout, hidden):
        n, o, c, h, w = readout.shape
        mass = readout[:, :, :1].clamp(min=1e-6)
        chroma = readout[:, :, 1:] / mass                                   # [n, o, SUB^2, h, w]
        if self.beta > 0:
            lum_cells = half_cells(F.pixel_shuffle(f4, 4))                  # [n, SUB^2, h, w]
            prev_chroma = hidden[:, :, :SUB * SUB]
            prev_lum = hidden[:, 0, SUB * SUB:2 * SUB * SUB]
            valid = hidden[:, 0, 2 * SUB * SUB:]
            change = F.pixel_shuffle((lum_cells - prev_lum).abs(), SUB)     # [n, 1, h*SUB, w*SUB]
            change = F.pixel_unshuffle(F.max_pool2d(change, 3, stride=1, padding=1), SUB)
            keep = self.beta * torch.exp(-(change / self.sigma) ** 2) * valid
            chroma = keep[:, None] * prev_chroma + (1.0 - keep[:, None]) * chroma
            hidden = steady_state(chroma, lum_cells, o)
        half = F.pixel_shuffle(chroma.reshape(n * o, SUB * SUB, h, w), SUB).reshape(n, o, h * SUB, w * SUB)
        if self.smooth > 0:                        # softens the seams between cells read from different places
            half = half + self.smooth_weight * (box_mean(half, self.smooth) - half)
        up = CELL // SUB
        if self.radius > 0:
            lum = F.pixel_shuffle(f4, 4)
            a, b = guided_coefficients(F.avg_pool2d(lum, up), half, self.radius, self.eps)
            a = F.interpolate(a, scale_factor=up, mode="bilinear", align_corners=False)
            b = F.interpolate(b, scale_factor=up, mode="bilinear", align_corners=False)
            ab = a * lum + b
        else:
            ab = F.interpolate(half, scale_factor=up, mode="bilinear", align_corners=False)
        ab = ab.clamp(-1.0, 1.0) + zero_from(f16, f8, f4)
        return ab, hidden


class LocalAttention(nn.Module):
    def __init__(self, radius, shrink, channels):
        super().__init__()
        self.radius, self.scale = radius, shrink / math.sqrt(channels)

    def forward(self, query_key, memory_key, memory_value):
        r = self.radius
        n, ck, h, w = query_key.shape
        o, cv = memory_value.shape[1], memory_value.shape[2]
        win = (2 * r + 1) ** 2
        keys = F.unfold(memory_key, 2 * r + 1, padding=r).reshape(n, ck, win, h * w)
        valid = F.unfold(torch.ones_like(query_key[:, :1]), 2 * r + 1, padding=r)          # [n, win, hw]
        q = query_key.reshape(n, ck, 1, h * w)
        logit = -((keys - q) ** 2).sum(1) * self.scale + (valid - 1.0) * 1e4
        weight = torch.softmax(logit, 1)                                                  # [n, win, hw]
        values = F.unfold(memory_value.reshape(n, o * cv, h, w), 2 * r + 1, padding=r)
        out = (values.reshape(n, o * cv, win, h * w) * weight[:, None]).sum(2)
        return out.reshape(n, o, cv, h, w)


class Refiner(nn.Module):
    def __init__(self, radius, eps):
        super().__init__()
        self.radius, self.eps = radius, eps

    def forward(self, lightness, ab):
        if self.radius == 0:   # plain bilinear (measured better than guided upsampling: docs/builtin-pack.md)
            return F.interpolate(ab, size=lightness.shape[-2:], mode="bilinear", align_corners=False) \
                + zero_from(lightness)
        small = F.interpolate(lightness, size=ab.shape[-2:], mode="bilinear", align_corners=False)
        a, b = guided_coefficients(small, ab, self.radius, self.eps)
        a = F.interpolate(a, size=lightness.shape[-2:], mode="bilinear", align_corners=False)
        b = F.interpolate(b, size=lightness.shape[-2:], mode="bilinear", align_corners=False)
        return a * lightness + b
