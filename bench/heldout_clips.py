"""Held-out clips for the built-in pack: never used to tune it (docs/builtin-pack.md, issue 12).

Each clip is a colour PNG sequence made from a still photograph of ../shared/media with synthetic camera
motion (pan, zoom, rotation, hand-held shake) and pasted objects that move, leave and come back, so its
colour ground truth is known exactly. Deterministic (fixed seeds): the clips are not committed, this script
makes them again.

  /usr/bin/python3 bench/heldout_clips.py --media ../shared/media --out /tmp/heldout
writes OUT/pan_astronaut/, OUT/shake_coffee/, OUT/zoom_chelsea/ (frame_000000.png ...). Score one with the
standard protocol, e.g. `nitrate evaluate OUT/pan_astronaut --json`.
Needs numpy and the ffmpeg command.
"""
import argparse
import os
import subprocess

import numpy as np

W, H = 640, 360


def read_png(path):
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
                            "-of", "csv=p=0", path], capture_output=True, text=True, check=True).stdout.strip()
    w, h = (int(v) for v in probe.split(",")[:2])
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(h, w, 3).astype(np.float32)


def warp(image, matrix, out_h, out_w):
    """Bilinear sample of image at matrix @ (x, y, 1) for every output pixel (edge pixels repeated)."""
    ys, xs = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    sx = matrix[0, 0] * xs + matrix[0, 1] * ys + matrix[0, 2]
    sy = matrix[1, 0] * xs + matrix[1, 1] * ys + matrix[1, 2]
    h, w = image.shape[:2]
    sx = np.clip(sx, 0, w - 1.001)
    sy = np.clip(sy, 0, h - 1.001)
    x0 = sx.astype(np.int32)
    y0 = sy.astype(np.int32)
    fx = (sx - x0)[..., None]
    fy = (sy - y0)[..., None]
    top = image[y0, x0] * (1 - fx) + image[y0, x0 + 1] * fx
    bottom = image[y0 + 1, x0] * (1 - fx) + image[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def camera(cx, cy, zoom, angle):
    """Output pixel -> source pixel: the frame centred on (cx, cy), magnified by zoom, rotated by angle."""
    c, s = np.cos(angle) / zoom, np.sin(angle) / zoom
    return np.array([[c, -s, cx - c * W / 2 + s * H / 2], [s, c, cy - s * W / 2 - c * H / 2]], np.float32)


def paste(frame, sprite, mask, x, y):
    """Pastes sprite (with a soft mask) with its top-left corner at sub-pixel (x, y)."""
    sh, sw = sprite.shape[:2]
    shift = np.array([[1, 0, -(x - np.floor(x))], [0, 1, -(y - np.floor(y))]], np.float32)
    moved = warp(sprite, shift, sh, sw)
    alpha = warp(mask[..., None].repeat(3, 2), shift, sh, sw)[..., :1]
    x0, y0 = int(np.floor(x)), int(np.floor(y))
    fx0, fy0 = max(0, x0), max(0, y0)
    fx1, fy1 = min(W, x0 + sw), min(H, y0 + sh)
    if fx1 <= fx0 or fy1 <= fy0:
        return
    region = (slice(fy0, fy1), slice(fx0, fx1))
    part = (slice(fy0 - y0, fy1 - y0), slice(fx0 - x0, fx1 - x0))
    frame[region] = frame[region] * (1 - alpha[part]) + moved[part] * alpha[part]


def disc_sprite(photo, cx, cy, radius):
    r = int(radius)
    sprite = photo[cy - r:cy + r, cx - r:cx + r].copy()
    ys, xs = np.mgrid[-r:r, -r:r] + 0.5
    mask = np.clip(r - np.sqrt(xs ** 2 + ys ** 2), 0, 1).astype(np.float32)
    return sprite, mask


def write(out_dir, frames):
    os.makedirs(out_dir, exist_ok=True)
    data = b"".join(np.clip(np.rint(f), 0, 255).astype(np.uint8).tobytes() for f in frames)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{W}x{H}",
                    "-r", "25", "-i", "-", "-start_number", "0", os.path.join(out_dir, "frame_%06d.png")],
                   input=data, check=True)


def pan_astronaut(media):
    """A slow pan and zoom across astronaut.png; a coffee-cup disc crosses the frame, leaves, comes back."""
    photo = read_png(os.path.join(media, "astronaut.png"))
    coffee = read_png(os.path.join(media, "coffee.png"))
    big = warp(photo, np.array([[0.5, 0, 0], [0, 0.5, 0]], np.float32), 1024, 1024)
    sprite, mask = disc_sprite(coffee, 300, 200, 60)
    frames = []
    for t in range(150):
        u = t / 149
        m = camera(380 + 260 * u, 420 + 120 * np.sin(np.pi * u), 1.0 + 0.25 * u, 0.0)
        frame = warp(big, m, H, W)
        paste(frame, sprite, mask, -130 + 900 * ((t * 7) % 150) / 150, 140 + 60 * np.sin(t / 9))
        frames.append(frame)
    return frames


def shake_coffee(media):
    """Hand-held shake (random walk with a little rotation) over coffee.png; a cat-face disc wanders in."""
    rng = np.random.default_rng(12)
    photo = read_png(os.path.join(media, "coffee.png"))
    cat = read_png(os.path.join(media, "chelsea.png"))
    big = warp(photo, np.array([[1 / 1.4, 0, 0], [0, 1 / 1.4, 0]], np.float32), 560, 840)
    sprite, mask = disc_sprite(cat, 150, 110, 55)
    pos = np.zeros(2)
    vel = np.zeros(2)
    frames = []
    for t in range(180):
        vel = 0.85 * vel + rng.normal(0, 2.2, 2)
        pos = np.clip(pos + vel, -70, 70)
        angle = 0.02 * np.sin(t / 11) + 0.01 * rng.normal()
        frame = warp(big, camera(420 + pos[0], 280 + pos[1], 1.0, angle), H, W)
        paste(frame, sprite, mask, 520 - 4.5 * t if t < 120 else -20 + 6 * (t - 120), 200 - 0.8 * t + 0.01 * t * t)
        frames.append(frame)
    return frames


def zoom_chelsea(media):
    """A zoom in and out with a slow rotation on chelsea.png; an astronaut disc enters after frame 0."""
    photo = read_png(os.path.join(media, "chelsea.png"))
    astro = read_png(os.path.join(media, "astronaut.png"))
    big = warp(photo, np.array([[0.5, 0, 0], [0, 0.5, 0]], np.float32), 600, 902)
    sprite, mask = disc_sprite(astro, 256, 130, 70)
    frames = []
    for t in range(160):
        u = t / 159
        m = camera(451 + 40 * np.sin(2 * np.pi * u), 300, 1.15 + 0.35 * np.sin(np.pi * u), 0.12 * np.sin(np.pi * u))
        frame = warp(big, m, H, W)
        if t >= 20:
            paste(frame, sprite, mask, 700 - 3.2 * (t - 20), 60 + 40 * np.cos(t / 15))
        frames.append(frame)
    return frames


CLIPS = {"pan_astronaut": pan_astronaut, "shake_coffee": shake_coffee, "zoom_chelsea": zoom_chelsea}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--media", required=True, help="folder with astronaut.png, coffee.png, chelsea.png")
    ap.add_argument("--out", required=True, help="folder to write the clips into (one sub-folder each)")
    args = ap.parse_args()
    for name, make in CLIPS.items():
        write(os.path.join(args.out, name), make(args.media))
        print("wrote", os.path.join(args.out, name))


if __name__ == "__main__":
    main()
