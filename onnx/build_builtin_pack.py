#!/usr/bin/python3
"""Build Nitrate's built-in model pack (nitrate-pack/1) from its sources.

  python3 onnx/build_builtin_pack.py --nsfwjs DIR --out src/main/resources/packs/builtin --photos PHOTOS

DIR is the unpacked npm package nsfwjs 4.4.0 (`npm pack nsfwjs@4.4.0 && tar xzf nsfwjs-4.4.0.tgz`),
whose MobileNetV2 layers Conv1..block_10 are ImageNet weights; --photos holds astronaut.png,
coffee.png and chelsea.png (scikit-image's sample photos; not in the repository) from which the
projection of MobileNet's features into the key is fitted (PCA). Design and measurements: docs/builtin-pack.md.
"""
import argparse
import hashlib
import json
import os
import sys

import onnx
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "builtin"))
import build_graphs  # noqa: E402

OPSET = 17
GOLDEN_STRIDE = 7


def _shape(dims):
    return [d for d in dims]


def _spec(name, dims):
    return {"name": name, "shape": _shape(dims)}


def graph_specs(cfg):
    ch = cfg["channels"]
    o, ck, cv, chh = ch["objects"], ch["key"], ch["value"], ch["hidden"]
    f16, f8, f4 = (_spec("f16", [1, ch["f16"], "h", "w"]), _spec("f8", [1, ch["f8"], "H/8", "W/8"]),
                   _spec("f4", [1, ch["f4"], "H/4", "W/4"]))
    hidden = [1, o, chh, "h", "w"]
    return {
        "key_encoder": ([_spec("image", [1, 3, "H", "W"])],
                        [f16, f8, f4, _spec("key", [1, ck, "h", "w"]), _spec("shrinkage", [1, 1, "h", "w"]),
                         _spec("selection", [1, ck, "h", "w"])]),
        "value_encoder": ([_spec("image", [1, 3, "H", "W"]), _spec("ab", [1, 2, "H", "W"]), f16,
                           _spec("hidden", hidden)],
                          [_spec("value", [1, o, cv, "h", "w"]), _spec("hidden_out", hidden)]),
        "decoder": ([f16, f8, f4, _spec("readout", [1, o, cv, "h", "w"]), _spec("hidden", hidden)],
                    [_spec("ab", [1, 2, "H", "W"]), _spec("hidden_out", hidden)]),
        "local_attention": ([_spec("query_key", [1, ck, "h", "w"]), _spec("memory_key", [1, ck, "h", "w"]),
                             _spec("memory_value", [1, o, cv, "h", "w"])],
                            [_spec("attention", [1, o, cv, "h", "w"])]),
        "refiner": ([_spec("lightness", [1, 1, "Hf", "Wf"]), _spec("network_ab", [1, 2, "Hn", "Wn"])],
                    [_spec("ab", [1, 2, "Hf", "Wf"])]),
    }


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


def export(module, name, cfg, path):
    inputs, outputs = graph_specs(cfg)[name]
    in_names = [i["name"] for i in inputs]
    out_names = [o["name"] for o in outputs]
    dyn = {}
    for spec, export_name in list(zip(inputs, in_names)) + list(zip(outputs, out_names)):
        axes = {i: str(d) for i, d in enumerate(spec["shape"]) if isinstance(d, str)}
        if axes:
            dyn[export_name] = axes
    torch.onnx.export(module, example_inputs(name, cfg), path, input_names=in_names, output_names=out_names,
                      dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))


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


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


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
    os.makedirs(args.out, exist_ok=True)
    manifest_graphs = {}
    specs = graph_specs(cfg)
    for name, module in graphs.items():
        file = name + ".onnx"
        path = os.path.join(args.out, file)
        with torch.no_grad():
            export(module, name, cfg, path)
        inputs, outputs = specs[name]
        manifest_graphs[name] = {"file": file, "sha256": sha256(path), "inputs": inputs, "outputs": outputs}
    o = dict(build_graphs.DEFAULTS, **opts)
    manifest = {
        "format": "nitrate-pack/1",
        "name": "Nitrate built-in",
        "version": "1",
        "licence": "MIT (MobileNetV2 weights from nsfwjs 4.4.0, MIT); Nitrate's own layers",
        "source": "nsfwjs 4.4.0 dist/models/mobilenet_v2 (ImageNet layers Conv1..block_10), "
                  "built by onnx/build_builtin_pack.py; see onnx/builtin/SOURCES.md",
        "opset": OPSET,
        "graphs": manifest_graphs,
        "normalisation": cfg["normalisation"],
        "padding_multiple": cfg["padding_multiple"],
        "strides": cfg["strides"],
        "channels": cfg["channels"],
        "memory": cfg["memory"],
        "local_attention": cfg["local_attention"],
        "inference": cfg["inference"],
        "build_options": {k: v for k, v in o.items() if k != "nsfwjs"},
    }
    with open(os.path.join(args.out, "pack.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    if args.golden:
        with open(args.golden, "w") as f:
            json.dump(golden(graphs, cfg), f)
    print(f"wrote {args.out}: " + ", ".join(f"{n} {os.path.getsize(os.path.join(args.out, n + '.onnx')) // 1024} KiB"
                                          for n in graphs))


if __name__ == "__main__":
    main()
