"""A Python loop of the engine's algorithm, to design and score the built-in pack before the Java engine.

It follows ../shared/docs/colormnet-facts.md: exemplar stored first and kept for the whole video;
memory frames every mem_every frames (value encoder on the predicted ab, deep update of the
hidden state); top-k readout over working + long-term memory with usage/life bookkeeping;
consolidation into prototypes when working memory is full; local attention against the most recent
memory frame, added to the readout. The graphs are the torch modules of graphs.py (the same ones
that are exported to ONNX).

  NSFWJS=PKG PYTHONPATH=TOOLS loop.py CLIP OUT.mkv --media DIR [--max N] [--exemplar IMG] [--size WxH]
PKG is the unpacked nsfwjs package, TOOLS the folder of vceval.py, DIR the folder of the PCA photographs
(or set NITRATE_MEDIA); see external.py.
The output L is the clip's own L (only chroma is predicted).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import external  # noqa: E402

vceval = external.import_vceval()  # colour conversion identical to the scorer's: scikit-image's


class Memory:
    def __init__(self, cfg):
        self.cfg = cfg
        self.perm = None      # exemplar's worth: dict(key, shrink, value)
        self.work = []        # list of dict(key [CK,N], shrink [N], value [O,CV,N], usage, life)
        self.ltm = None
        self.last_key = None
        self.last_value = None

    def _add(self, key, shrink, value):
        n = key.shape[-1] * key.shape[-2]
        return dict(key=key.reshape(key.shape[1], n), shrink=shrink.reshape(n),
                    value=value.reshape(value.shape[1], value.shape[2], n),
                    usage=torch.zeros(n), life=torch.full((n,), 1e-7))

    def add(self, key, shrink, value, permanent=False):
        e = self._add(key, shrink, value)
        if permanent:
            self.perm = e
        else:
            self.work.append(e)
            if len(self.work) >= self.cfg["max_mid_term_frames"] - 1:
                self.consolidate()
        self.last_key, self.last_value = key, value

    def _all(self):
        parts = [self.perm] + ([self.ltm] if self.ltm is not None else []) + self.work
        return parts

    def readout(self, qk, sel):
        ck, h, w = qk.shape[1:]
        q = qk.reshape(ck, h * w)
        s = sel.reshape(ck, h * w)
        parts = self._all()
        k = torch.cat([p["key"] for p in parts], 1)
        sh = torch.cat([p["shrink"] for p in parts])
        v = torch.cat([p["value"] for p in parts], 2)
        # -sum_c sel_q (k - q)^2, expanded
        sim = 2 * k.t() @ (s * q) - (k * k).t() @ s - (s * q * q).sum(0, keepdim=True)
        sim = sim * sh[:, None] / np.sqrt(ck)
        topk = min(self.cfg["top_k"], sim.shape[0])
        vals, idx = sim.topk(topk, 0)
        a = torch.softmax(vals, 0)
        out = (v[:, :, idx] * a).sum(2)                      # gather the top-k values: [O, CV, Q]
        mass = torch.zeros(sim.shape[0]).index_add_(0, idx.reshape(-1), a.reshape(-1))
        off = 0
        for p in parts:
            n = p["key"].shape[1]
            p["usage"] += mass[off:off + n]
            p["life"] += 1
            off += n
        return out.reshape(1, v.shape[0], v.shape[1], h, w)

    def consolidate(self):
        cfg = self.cfg
        keep = cfg["min_mid_term_frames"]
        cands, self.work = self.work[:-keep], self.work[-keep:]
        if not cands:
            return
        k = torch.cat([p["key"] for p in cands], 1)
        sh = torch.cat([p["shrink"] for p in cands])
        v = torch.cat([p["value"] for p in cands], 2)
        score = torch.cat([p["usage"] / p["life"] for p in cands])
        m = min(cfg["num_prototypes"], k.shape[1])
        pidx = score.topk(m).indices
        pk = k[:, pidx]
        ck = k.shape[0]
        sim = (2 * k.t() @ pk - (k * k).sum(0)[:, None] - (pk * pk).sum(0)[None, :]) * sh[:, None] / np.sqrt(ck)
        a = torch.softmax(sim, 0)
        pv = torch.einsum("ocn,nq->ocq", v, a)
        psh = (sh[:, None] * a).sum(0)
        e = dict(key=pk, shrink=psh, value=pv, usage=torch.zeros(m), life=torch.full((m,), 1e-7))
        if self.ltm is None:
            self.ltm = e
        else:
            self.ltm = {x: torch.cat([self.ltm[x], e[x]], -1) for x in e}
        cap = cfg["max_long_term_elements"]
        n = self.ltm["key"].shape[1]
        if n > cap:
            keep_idx = (self.ltm["usage"] / self.ltm["life"]).topk(cap).indices.sort().values
            self.ltm = {x: self.ltm[x][..., keep_idx] for x in self.ltm}

    def size(self):
        return sum(p["key"].shape[1] for p in self._all())


class CachingBackbone(torch.nn.Module):
    """Remembers backbone outputs by input fingerprint (tuning runs reuse the features of a clip)."""

    def __init__(self, inner, path):
        super().__init__()
        self.inner, self.path = inner, path
        try:
            self.store = torch.load(path)
        except FileNotFoundError:
            self.store = {}
        self.dirty = False

    def forward(self, x):
        fp = (tuple(x.shape), round(float(x.double().sum()), 3), round(float(x[0, 0, ::7, ::5].double().sum()), 3))
        if fp not in self.store:
            self.store[fp] = [y.half() for y in self.inner(x)]
            self.dirty = True
        return [y.float() for y in self.store[fp]]

    def save(self):
        if self.dirty:
            torch.save(self.store, self.path)


def pad_to(x, mult):
    h, w = x.shape[-2:]
    H, W = -(-h // mult) * mult, -(-w // mult) * mult
    left, top = (W - w) // 2, (H - h) // 2
    return F.pad(x, (left, W - w - left, top, H - h - top)), (top, left, h, w)


def colorize(graphs, cfg, frames_rgb, exemplar_rgb, norm, timing=None):
    """Yield colorized RGB uint8 frames."""
    ke, ve, dec, la = graphs["key_encoder"], graphs["value_encoder"], graphs["decoder"], graphs["local_attention"]
    mult = cfg["padding_multiple"]
    mem = Memory(cfg["memory"])
    deep = cfg["memory"].get("deep_update", True)   # off: the decoder's hidden output always carries on
    hidden = None
    last_mem = 0

    ref = graphs.get("refiner")
    max_area = cfg["inference"]["max_area"]

    def prep(rgb):
        lab = vceval.rgb2lab(rgb).astype(np.float32)
        L = torch.from_numpy((lab[..., 0] - norm["lightness_offset"]) / norm["lightness_scale"])[None, None]
        ab = torch.from_numpy(lab[..., 1:].transpose(2, 0, 1) / norm["chroma_scale"])[None]
        full_L = L
        h, w = L.shape[-2:]
        if max_area and h * w > max_area:
            s = (max_area / (h * w)) ** 0.5
            size = (max(1, int(h * s)), max(1, int(w * s)))      # floor, as the engine's FrameGeometry
            L = F.interpolate(L, size=size, mode="bilinear", align_corners=False, antialias=True)
            ab = F.interpolate(ab, size=size, mode="bilinear", align_corners=False, antialias=True)
        Lp, box = pad_to(L, mult)
        abp, _ = pad_to(ab, mult)
        return lab, Lp.repeat(1, 3, 1, 1), abp, box, full_L

    with torch.no_grad():
        for t, rgb in enumerate(frames_rgb):
            t0 = time.time()
            lab, img, _, (top, left, h, w), full_L = prep(rgb)
            f16, f8, f4, key, shrink, sel = ke(img)
            if t == 0:
                _, eimg, eab, _, _ = prep(exemplar_rgb)
                ef16, _, _, ekey, eshrink, _ = ke(eimg)
                hidden = torch.zeros(1, cfg["channels"]["objects"], cfg["channels"]["hidden"], *key.shape[-2:])
                value, exemplar_hidden = ve(eimg, eab, ef16, hidden)
                if deep:
                    hidden = exemplar_hidden
                mem.add(ekey, eshrink, value, permanent=True)
            readout = mem.readout(key, sel)
            if t > 0 and cfg["local_attention"]["enabled"]:
                readout = readout + la(key, mem.last_key, mem.last_value)
            ab, hidden_dec = dec(f16, f8, f4, readout, hidden)
            if t - last_mem >= cfg["memory"]["mem_every"]:
                value, hidden_ve = ve(img, ab, f16, hidden if deep else hidden_dec)
                hidden = hidden_ve if deep else hidden_dec
                mem.add(key, shrink, value)
                last_mem = t
            else:
                hidden = hidden_dec
            ab = ab[:, :, top:top + h, left:left + w]
            if ab.shape[-2:] != full_L.shape[-2:]:
                ab = ref(full_L, ab)
            out = lab.copy()
            out[..., 1:] = ab[0].numpy().transpose(1, 2, 0) * norm["chroma_scale"]
            if timing is not None:
                timing.append(time.time() - t0)
            yield vceval.lab2rgb(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("clip")
    ap.add_argument("out")
    ap.add_argument("--max", type=int)
    ap.add_argument("--exemplar")
    ap.add_argument("--pack-config", default=None, help="json of build options")
    ap.add_argument("--cache", help="file to keep backbone features in between runs")
    ap.add_argument("--media", help="folder with astronaut/coffee/chelsea.png (default: $NITRATE_MEDIA)")
    args = ap.parse_args()
    import build_graphs
    opts = json.loads(args.pack_config) if args.pack_config else {}
    graphs, cfg = build_graphs.build(opts, photos_dir=external.media_folder(args.media))
    torch.set_num_threads(1)
    if args.cache:
        graphs["key_encoder"].backbone = CachingBackbone(graphs["key_encoder"].backbone, args.cache)
    frames = list(vceval.frames(args.clip, args.max))
    if args.exemplar:
        ex = next(vceval.frames(args.exemplar, 1, vceval.probe(args.clip)))
    else:
        ex = frames[0]
    w, h = frames[0].shape[1], frames[0].shape[0]
    enc = subprocess.Popen(["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}",
                            "-i", "-", "-c:v", "ffv1", "-pix_fmt", "bgr0", args.out], stdin=subprocess.PIPE)
    timing = []
    for rgb in colorize(graphs, cfg, frames, ex, cfg["normalisation"], timing):
        enc.stdin.write(rgb.tobytes())
    enc.stdin.close()
    if args.cache:
        graphs["key_encoder"].backbone.save()
    enc.wait()
    print(json.dumps({"frames": len(timing), "median_s": float(np.median(timing))}), file=sys.stderr)


if __name__ == "__main__":
    main()
