#!/usr/bin/python3
"""The issue's plain optical-flow references, outside the engine, for comparing the engine with them.

  plain_flow.py VCEVAL GT GRAYDIR [--max N] [--method chain|direct] [--compose all|lumashift|solvel|truel]

GT is the colour clip, GRAYDIR the grayscale film vceval.py gray wrote for it (frame 0 is the exemplar).
Flow: OpenCV DIS, preset MEDIUM, on the grayscale film's 8-bit luma at full size (needs python3-opencv).
  chain:  the previous result's a, b warped along the flow from frame t to frame t-1
  direct: the exemplar's a, b through the flow from t to frame 0 where its forward-backward error is
          <= 1.5 px, the chained result elsewhere
Each result (a, b per frame) is composed with a lightness three ways and scored as vceval scores PSNR:
  lumashift: Lab(L of the gray frame, a, b) to RGB, then shifted along the grey axis to the gray frame's
             luma (what Nitrate's LumaMatch does)
  solvel:    the L at which Lab(L, a, b) has the gray frame's luma (bisection), then the same shift
  calib:     as lumashift, to the gray luma mapped by the straight line fitted from gray frame 0 to the
             exemplar's own luma (both are known to a colorizer)
  truel:     the clip's own L (what vceval's static baseline uses; not available to a colorizer)
The static baseline's a, b (frame 0's) are composed the same ways. Prints one JSON line.
"""
import glob
import importlib.util
import json
import sys

import cv2
import numpy as np


def load_vceval(path):
    spec = importlib.util.spec_from_file_location("vceval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lab2rgb_float(v, lab):
    L, a, b = lab[..., 0], lab[..., 1], lab[..., 2]
    fy = (L + 16.0) / 116.0
    f = np.stack([fy + a / 500.0, fy, fy - b / 200.0], -1)
    xyz = np.where(f > 0.2068966, f ** 3, (f - 16.0 / 116.0) / 7.787) * v.WHITE
    c = np.clip(xyz @ np.linalg.inv(v.M_RGB2XYZ).T, 0, 1)
    return np.where(c > 0.0031308, 1.055 * c ** (1 / 2.4) - 0.055, 12.92 * c) * 255.0


def luma_shift(rgb, target):
    y = rgb @ np.array([0.299, 0.587, 0.114])
    off = rgb - y[..., None]
    room = np.ones_like(off)
    pos, neg = off > 1e-9, off < -1e-9
    t = np.broadcast_to(target[..., None], off.shape)
    room[pos] = (255.0 - t[pos]) / off[pos]
    room[neg] = t[neg] / -off[neg]
    scale = np.minimum(1.0, room.min(-1))
    return np.clip(np.round(target[..., None] + scale[..., None] * off), 0, 255).astype(np.uint8)


def compose(v, kind, ab, gray_y, true_l, calibration=(1.0, 0.0)):
    target = gray_y.astype(np.float64)
    if kind == "calib":
        target = np.clip(calibration[0] * target + calibration[1], 0, 255)
        kind = "lumashift"
    if kind == "truel":
        return v.lab2rgb(np.concatenate([true_l[..., None], ab], -1))
    if kind == "lumashift":
        l_gray = v.rgb2lab(np.repeat(gray_y[..., None], 3, -1))[..., 0]
        return luma_shift(v.lab2rgb(np.concatenate([l_gray[..., None], ab], -1)).astype(np.float64), target)
    lo = np.zeros(target.shape)
    hi = np.full(target.shape, 100.0)
    for _ in range(18):
        mid = (lo + hi) / 2
        y = lab2rgb_float(v, np.concatenate([mid[..., None], ab], -1)) @ np.array([0.299, 0.587, 0.114])
        below = y < target
        lo = np.where(below, mid, lo)
        hi = np.where(below, hi, mid)
    rgb = lab2rgb_float(v, np.concatenate([((lo + hi) / 2)[..., None], ab], -1))
    return luma_shift(rgb, target)


def warp(plane, flow):
    h, w = flow.shape[:2]
    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    return cv2.remap(plane.astype(np.float32), gx + flow[..., 0], gy + flow[..., 1], cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_REPLICATE)


def fb_ok(forward, backward, tau=1.5):
    back = warp(backward, forward)
    return np.hypot(forward[..., 0] + back[..., 0], forward[..., 1] + back[..., 1]) <= tau


def take_option(argv, name, default, convert=str):
    """Removes `name VALUE` from argv and returns VALUE converted, or default when absent (the bench scripts' options)."""
    if name not in argv:
        return default
    i = argv.index(name)
    value = convert(argv[i + 1])
    del argv[i:i + 2]
    return value


def main(argv):
    max_n = take_option(argv, "--max", None, int)
    method = take_option(argv, "--method", "chain")
    kinds = ["lumashift", "solvel", "calib", "truel"]
    chosen = take_option(argv, "--compose", "all")
    kinds = kinds if chosen == "all" else chosen.split(",")
    v = load_vceval(argv[0])
    gt_path, gray_dir = argv[1], argv[2]
    grays = sorted(glob.glob(gray_dir + "/*.png"))
    dis = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
    scores = {("flow", k): [] for k in kinds}
    scores.update({("static", k): [] for k in kinds})
    ab0 = previous = prev_y = y0 = None
    for n, gt in enumerate(v.frames(gt_path, max_n)):
        gray_y = cv2.imread(grays[n], cv2.IMREAD_GRAYSCALE)
        lab = v.rgb2lab(gt)
        if n == 0:
            ab0 = lab[..., 1:].astype(np.float32)
            y0 = gray_y
            ab = ab0
            g = gray_y.astype(np.float64).ravel()
            fit = np.linalg.lstsq(np.stack([g, np.ones_like(g)], 1), v.luma(gt).ravel(), rcond=None)[0]
            calibration = (float(fit[0]), float(fit[1]))
        else:
            to_prev = dis.calc(gray_y, prev_y, None)
            ab = np.stack([warp(previous[..., c], to_prev) for c in range(2)], -1)
            if method == "direct":
                to_ex = dis.calc(gray_y, y0, None)
                ok = fb_ok(to_ex, dis.calc(y0, gray_y, None))
                direct = np.stack([warp(ab0[..., c], to_ex) for c in range(2)], -1)
                ab = np.where(ok[..., None], direct, ab)
        previous, prev_y = ab, gray_y
        for k in kinds:
            scores[("flow", k)].append(v.psnr(gt, compose(v, k, ab.astype(np.float64), gray_y, lab[..., 0], calibration)))
            scores[("static", k)].append(v.psnr(gt, compose(v, k, ab0.astype(np.float64), gray_y, lab[..., 0], calibration)))
    out = {"frames": n + 1, "method": method}
    for k in kinds:
        f, s = float(np.mean(scores[("flow", k)])), float(np.mean(scores[("static", k)]))
        out[k] = {"flow": round(f, 3), "static": round(s, 3), "gain": round(f - s, 3)}
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
