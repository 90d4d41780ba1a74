"""The built-in pack in Python, to design and score it without the Java engine.

It runs the one Python memory loop (onnx/packtools/memory_loop.py, the engine's twin, following
../shared/docs/colormnet-facts.md) with the exemplar as a separate image, on frames downscaled to the
pack's inference.max_area, and the refiner for full-size chroma. The graphs are the torch modules of
graphs.py (the same ones that are exported to ONNX).

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
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import external  # noqa: E402
from packtools.memory_loop import ReferenceColorizer  # noqa: E402

vceval = external.import_vceval()  # colour conversion identical to the scorer's: scikit-image's


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


def network_size(height, width, max_area):
    """The size the networks run on: the frame, or downscaled to max_area (floor, as the engine's FrameGeometry)."""
    if not max_area or height * width <= max_area:
        return height, width
    s = (max_area / (height * width)) ** 0.5
    return max(1, int(height * s)), max(1, int(width * s))


def resized(planes, size):
    """Lab planes (each H x W, float32) resized bilinearly with antialiasing to size (height, width)."""
    if planes[0].shape == size:
        return planes
    x = torch.from_numpy(np.stack(planes))[None]
    return list(F.interpolate(x, size=size, mode="bilinear", align_corners=False, antialias=True)[0].numpy())


def colorize(graphs, cfg, frames_rgb, exemplar_rgb, norm, timing=None):
    """Yield colorized RGB uint8 frames: the one memory loop (packtools.memory_loop) with the exemplar as a
    separate image, on frames downscaled to inference.max_area; the refiner brings ab back to full size."""
    manifest = dict(cfg, normalisation=norm)
    refiner = graphs.get("refiner")
    max_area = cfg["inference"]["max_area"]
    colorizer = None
    with torch.no_grad():
        for rgb in frames_rgb:
            started = time.time()
            lab = vceval.rgb2lab(rgb).astype(np.float32)
            size = network_size(lab.shape[0], lab.shape[1], max_area)
            if colorizer is None:
                colorizer = ReferenceColorizer(graphs, manifest, size[1], size[0])
                exemplar_lab = vceval.rgb2lab(exemplar_rgb).astype(np.float32)
                colorizer.begin([resized([exemplar_lab[..., c] for c in range(3)], size)], False)
            (lightness,) = resized([lab[..., 0]], size)
            a, b = colorizer.step(lightness)
            ab = torch.from_numpy(np.stack([a, b]))[None] / norm["chroma_scale"]
            if size != lab.shape[:2]:
                full_l = torch.from_numpy((lab[..., 0] - norm["lightness_offset"]) / norm["lightness_scale"])[None, None]
                ab = refiner(full_l, ab)
            out = lab.copy()
            out[..., 1:] = ab[0].numpy().transpose(1, 2, 0) * norm["chroma_scale"]
            if timing is not None:
                timing.append(time.time() - started)
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
