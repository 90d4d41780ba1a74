#!/usr/bin/python3
"""Build Nitrate's built-in model pack (nitrate-pack/1) from its sources.

  python3 onnx/build_builtin_pack.py --nsfwjs DIR --out src/main/resources/packs/builtin --photos PHOTOS

DIR is the unpacked npm package nsfwjs 4.4.0 (`npm pack nsfwjs@4.4.0 && tar xzf nsfwjs-4.4.0.tgz`),
whose MobileNetV2 layers Conv1..block_10 are ImageNet weights; --photos holds astronaut.png,
coffee.png and chelsea.png (scikit-image's sample photos; not in the repository) from which the
projection of MobileNet's features into the key is fitted (PCA). Design and measurements: docs/builtin-pack.md.
"""
import argparse
import json
import os
import sys

import torch
from packtools import writer as pack_writer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "builtin"))
import build_graphs  # noqa: E402

GOLDEN_STRIDE = 7


def example_inputs(name, cfg, H=192, W=256):
    ch = cfg["channels"]
    h, w = H // 16, W // 16
    o, ck, cv, chh = ch["objects"], ch["key"], ch["value"], ch["hidden"]
    r = torch.rand
    return {
        "key_encoder": (r(1, 3, H, W) * 2 - 1,),
        "value_encoder": (r(1, 3, H, W), r(1, 2, H, W), r(1, ch["f16"], h, w), r(1, o, chh, h, w)),
        "decoder": (r(1, ch["f16"], h, w), r(1, ch["f8"], H // 8, W // 8), r(1, ch["f4"], H // 4, W // 4),
                    r(1, o, cv, h, w) + 0.5, r(1, o, chh, h, w)),
        "local_attention": (r(1, ck, h, w), r(1, ck, h, w), r(1, o, cv, h, w)),
        "refiner": (r(1, 1, H * 2, W * 2), r(1, 2, H, W)),
    }[name]


def golden_inputs(H=64, W=96):
    """A deterministic frame that the Java test rebuilds with the same formulas."""
    y = torch.arange(H, dtype=torch.float64)[:, None]
    x = torch.arange(W, dtype=torch.float64)[None, :]
    lum = (0.8 * torch.sin(0.31 * x) * torch.cos(0.17 * y)).float()
    a = (0.3 * torch.sin(0.2 * x) + 0 * y).float()
    b = (-0.2 * torch.cos(0.15 * y) + 0 * x).float()
    return lum[None, None].repeat(1, 3, 1, 1), torch.stack([a, b])[None]


def golden(graphs, cfg):
    """Outputs of the torch graphs on golden_inputs(): ONNX Runtime must reproduce them (Java test)."""
    image, ab = golden_inputs()
    with torch.no_grad():
        f16, f8, f4, key, shrink, sel = graphs["key_encoder"](image)
        hidden = torch.zeros(1, cfg["channels"]["objects"], cfg["channels"]["hidden"], *key.shape[-2:])
        value, _ = graphs["value_encoder"](image, ab, f16, hidden)
        att = graphs["local_attention"](key, key, value)
        out, state = graphs["decoder"](f16, f8, f4, value + att, hidden)
        # a second frame with the same lightness whose readout has the opposite chroma: the
        # decoder's state (temporal stabiliser) decides how much of the first frame's colour stays
        opposite, _ = graphs["value_encoder"](image, -ab, f16, hidden)
        steady, _ = graphs["decoder"](f16, f8, f4, opposite, state)
        stored, _ = graphs["value_encoder"](image, -ab, f16, state)
    def sample(t):   # every GOLDEN_STRIDE-th element of the flattened tensor, rounded
        return [round(v, 6) for v in t.flatten()[::GOLDEN_STRIDE].tolist()]
    return {"height": 64, "width": 96, "stride": GOLDEN_STRIDE, "key": sample(key), "attention": sample(att),
            "ab": sample(out), "state": sample(state), "steady_ab": sample(steady), "stored_value": sample(stored)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nsfwjs", required=True, help="unpacked nsfwjs 4.4.0 package")
    ap.add_argument("--out", required=True, help="pack folder to write")
    ap.add_argument("--photos", required=True, help="folder with astronaut/coffee/chelsea.png (see onnx/builtin/SOURCES.md)")
    ap.add_argument("--options", default="{}", help="JSON overriding build_graphs.DEFAULTS (experiments)")
    ap.add_argument("--golden", help="also write reference outputs for the Java test to this JSON file")
    args = ap.parse_args(argv)
    opts = dict(json.loads(args.options), nsfwjs=args.nsfwjs)
    torch.manual_seed(0)
    graphs, cfg = build_graphs.build(opts, photos_dir=args.photos)
    o = dict(build_graphs.DEFAULTS, **opts)
    description = pack_writer.PackDescription(
        name="Nitrate built-in",
        version="1",
        licence="MIT (MobileNetV2 weights from nsfwjs 4.4.0, MIT); Nitrate's own layers",
        source="nsfwjs 4.4.0 dist/models/mobilenet_v2 (ImageNet layers Conv1..block_10), "
               "built by onnx/build_builtin_pack.py; see onnx/builtin/SOURCES.md",
        channels=cfg["channels"], memory=cfg["memory"], local_attention=cfg["local_attention"],
        normalisation=cfg["normalisation"], padding_multiple=cfg["padding_multiple"], strides=cfg["strides"],
        inference=cfg["inference"],
        extra={**({"flow": cfg["flow"]} if "flow" in cfg else {}),
               "build_options": {k: v for k, v in o.items() if k != "nsfwjs"}})
    pack_writer.write_pack(args.out, description, graphs, lambda name: example_inputs(name, cfg),
                           pack_writer.graph_io(cfg["channels"], refiner=True))
    if args.golden:
        with open(args.golden, "w") as f:
            json.dump(golden(graphs, cfg), f)
    print(f"wrote {args.out}: " + ", ".join(f"{n} {os.path.getsize(os.path.join(args.out, n + '.onnx')) // 1024} KiB"
                                          for n in graphs))


if __name__ == "__main__":
    main()
