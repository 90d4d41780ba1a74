#!/usr/bin/python3
"""How high a colorizer that keeps the film's luma can score on a clip, with oracle chroma (bench only).

  oracle_bounds.py VCEVAL GT GRAYDIR [--max N] [--step K]

GT is the colour clip, GRAYDIR the grayscale film `vceval.py gray` made of it (frame_*.png). Each chroma
below is composed with the film's luma as Nitrate renders it (plain_flow.py's `lumashift`) and with the
clip's own L as `vceval.py baseline static` does (`truel`), and scored as `vceval.py metrics` scores PSNR:

- static: frame 0's true a, b on every frame (the baseline);
- clip_mean: the mean of the true a, b over the whole clip (the best single chroma picture for the clip,
  which no colorizer can know: it needs every frame's colour);
- neighbours: for frame t, the mean of the true a, b of frames t-1 and t+1 (needs their colour);
- truth: frame t's own true a, b.

Prints one JSON line; `target` is vceval's static + 0.3 dB, the issue's per-clip floor.
Every K-th frame is scored (--step, default 1); the clip mean always uses every frame.
"""
import glob
import json
import sys

import cv2
import numpy as np

import plain_flow


def main(argv):
    max_n = plain_flow.take_option(argv, "--max", None, int)
    step = plain_flow.take_option(argv, "--step", 1, int)
    v = plain_flow.load_vceval(argv[0])
    clip = argv[1]
    grays = sorted(glob.glob(argv[2] + "/*.png"))

    total = None
    count = 0
    for rgb in v.frames(clip, max_n):
        ab = v.rgb2lab(rgb)[..., 1:]
        total = ab.copy() if total is None else total + ab
        count += 1
    clip_mean = total / count

    kinds = ["lumashift", "truel"]
    scores = {}

    def add(name, kind, gt, ab, gray_y, true_l):
        scores.setdefault(name + "_" + kind, []).append(
            v.psnr(gt, plain_flow.compose(v, kind, ab, gray_y, true_l)))

    def with_neighbours():
        before = None
        frames = v.frames(clip, max_n)
        current = next(frames)
        for following in frames:
            yield before, current, following
            before, current = current, following
        yield before, current, None

    ab0 = None
    for t, (before, rgb, after) in enumerate(with_neighbours()):
        lab = v.rgb2lab(rgb)
        if ab0 is None:
            ab0 = lab[..., 1:]
        if t % step:
            continue
        others = [v.rgb2lab(f)[..., 1:] for f in (before, after) if f is not None]
        gray_y = cv2.imread(grays[t], cv2.IMREAD_GRAYSCALE)
        true_l = lab[..., 0]
        for kind in kinds:
            add("static", kind, rgb, ab0, gray_y, true_l)
            add("clip_mean", kind, rgb, clip_mean, gray_y, true_l)
            add("neighbours", kind, rgb, sum(others) / len(others), gray_y, true_l)
            add("truth", kind, rgb, lab[..., 1:], gray_y, true_l)
    result = {"frames": count, "scored": len(scores["static_truel"])}
    result.update({k: round(float(np.mean(x)), 3) for k, x in sorted(scores.items())})
    result["target"] = round(result["static_truel"] + 0.3, 3)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
