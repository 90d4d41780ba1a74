#!/usr/bin/python3
"""Scores a colorized PNG sequence again after composing its a, b with another lightness (bench only).

  recompose.py VCEVAL GT GRAYDIR OUTDIR [--max N]

Prints the PSNR of OUT as it is, and of OUT's a, b composed as plain_flow.py's lumashift, calib and truel do
(see there), with the static baseline composed the same ways.
"""
import glob
import importlib.util
import json
import os
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plain_flow  # noqa: E402


def main(argv):
    max_n = plain_flow.take_option(argv, "--max", None, int)
    v = plain_flow.load_vceval(argv[0])
    grays = sorted(glob.glob(argv[2] + "/*.png"))
    outs = sorted(glob.glob(argv[3] + "/*.png"))
    kinds = ["asis", "lumashift", "calib", "truel"]
    ours = {k: [] for k in kinds}
    static = {k: [] for k in kinds[1:]}
    ab0 = calibration = None
    for n, gt in enumerate(v.frames(argv[1], max_n)):
        gray_y = cv2.imread(grays[n], cv2.IMREAD_GRAYSCALE)
        out = cv2.cvtColor(cv2.imread(outs[n], cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        lab = v.rgb2lab(gt)
        if n == 0:
            ab0 = lab[..., 1:]
            g = gray_y.astype(np.float64).ravel()
            fit = np.linalg.lstsq(np.stack([g, np.ones_like(g)], 1), v.luma(gt).ravel(), rcond=None)[0]
            calibration = (float(fit[0]), float(fit[1]))
        ab = v.rgb2lab(out)[..., 1:]
        ours["asis"].append(v.psnr(gt, out))
        for k in kinds[1:]:
            ours[k].append(v.psnr(gt, plain_flow.compose(v, k, ab, gray_y, lab[..., 0], calibration)))
            static[k].append(v.psnr(gt, plain_flow.compose(v, k, ab0, gray_y, lab[..., 0], calibration)))
    result = {"frames": n + 1, "calibration": [round(c, 4) for c in calibration]}
    for k in kinds:
        result[k] = round(float(np.mean(ours[k])), 3)
        if k in static:
            result["static_" + k] = round(float(np.mean(static[k])), 3)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
