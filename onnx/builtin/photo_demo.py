"""Still photograph as exemplar: writes docs/images/builtin-photo-exemplar.png.

The "film" is a grayscale camera pan over chelsea.png (6 frames, 8 px apart); the exemplar is the
colour photo MIRRORED left-right, so no frame of the film equals the exemplar and every colour has
to be found by correspondence. The image shows exemplar | grayscale frame | result | original.
Runs the Python loop (loop.py) on the graphs of build_graphs.py, or, with --jar, Nitrate itself
(`nitrate colorize` with the built-in pack on the gray frames as a PNG sequence).

  NSFWJS=PKG PYTHONPATH=TOOLS /usr/bin/python3 onnx/builtin/photo_demo.py --media DIR [--out PNG] [--jar target/nitrate.jar]
PKG is the unpacked nsfwjs package (only without --jar), TOOLS the folder of vceval.py, DIR the folder of
chelsea.png and the PCA photographs (or set NITRATE_MEDIA); see external.py.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_graphs  # noqa: E402
import external  # noqa: E402
import loop  # noqa: E402

vceval = external.import_vceval()


def write_png(path, rgb, filters=()):
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s",
                    f"{rgb.shape[1]}x{rgb.shape[0]}", "-i", "-", *filters, path],
                   input=np.ascontiguousarray(rgb).tobytes(), check=True)


def colorize_with_nitrate(jar, gray, exemplar):
    """The frames colorized by `nitrate colorize` (built-in pack), exemplar pinned to frame 0."""
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, "film"))
        for i, frame in enumerate(gray):
            write_png(os.path.join(work, "film", f"{i:05d}.png"), frame)
        write_png(os.path.join(work, "exemplar.png"), exemplar)
        env = dict(os.environ, ORT_DISABLE_TELEMETRY="1")
        subprocess.run(["java", "-jar", jar, "colorize", os.path.join(work, "film"), "-e",
                        os.path.join(work, "exemplar.png") + "@0", "-o", os.path.join(work, "out")],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        names = sorted(os.listdir(os.path.join(work, "out")))
        return [next(vceval.frames(os.path.join(work, "out", n), 1)) for n in names]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--media", help="folder with chelsea.png and the PCA photographs (default: $NITRATE_MEDIA)")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "docs", "images", "builtin-photo-exemplar.png"))
    ap.add_argument("--jar", help="colorize with this nitrate.jar instead of the Python loop")
    args = ap.parse_args()
    media = external.media_folder(args.media)
    photo = next(vceval.frames(os.path.join(media, "chelsea.png"), 1))      # 300 x 451
    fh, fw, step, n = 272, 400, 8, 6
    film = [photo[14:14 + fh, i * step:i * step + fw] for i in range(n)]
    gray = []
    for f in film:
        lab = vceval.rgb2lab(f)
        lab[..., 1:] = 0
        gray.append(vceval.lab2rgb(lab))
    mirrored = np.ascontiguousarray(photo[:, ::-1])
    ex_lab = mirrored.astype(np.float32)
    import torch
    import torch.nn.functional as F
    ex = F.interpolate(torch.from_numpy(ex_lab).permute(2, 0, 1)[None], size=(fh, fw), mode="bilinear",
                       align_corners=False, antialias=True)[0].permute(1, 2, 0).round().clamp(0, 255).byte().numpy()
    if args.jar:
        outs = colorize_with_nitrate(args.jar, gray, ex)
    else:
        graphs, cfg = build_graphs.build({}, photos_dir=media)
        outs = list(loop.colorize(graphs, cfg, gray, ex, cfg["normalisation"]))
    last = n - 1
    scores = {"psnr_last_frame": round(vceval.psnr(film[last], outs[last]), 2),
              "psnr_gray_last_frame": round(vceval.psnr(film[last], gray[last]), 2)}
    row = np.concatenate([ex, gray[last], outs[last], film[last]], 1)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_png(args.out, row, ["-vf", "scale=iw/2:-2:flags=area"])
    print(json.dumps(scores))


if __name__ == "__main__":
    main()
