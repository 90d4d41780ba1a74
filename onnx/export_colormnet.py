#!/usr/bin/python3
"""Exports ColorMNet as a Nitrate model pack (docs/model-pack-format.md).

    python3 onnx/export_colormnet.py --checkpoint DINOv2FeatureV6_LocalAtten_s2_154000.pth --out PACK_DIR
    python3 onnx/export_colormnet.py --random-init 7 [--config tiny] --out PACK_DIR [--save-state-dict W.pt]
    ... [--fp16-out PACK16_DIR]   also writes the mixed-precision variant (onnx/packtools/fp16.py) for CUDA
"""
import argparse
import re
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from colormnet import ColorMNet, config_by_name  # noqa: E402
from colormnet.graphs import GRAPH_NAMES  # noqa: E402
from colormnet.pack import export_pack  # noqa: E402
from colormnet.weights import load_checkpoint, randomize_  # noqa: E402


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    weights = parser.add_mutually_exclusive_group(required=True)
    weights.add_argument("--checkpoint", type=Path, help="flat state_dict .pth (loaded strictly)")
    weights.add_argument("--random-init", type=int, metavar="SEED", help="seeded random weights")
    parser.add_argument("--out", type=Path, required=True, help="pack folder to write")
    parser.add_argument("--config", default="full", help="architecture widths: full (default) or tiny")
    parser.add_argument("--save-state-dict", type=Path, metavar="FILE", help="also save the weights used")
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    parser.add_argument("--fp16-out", type=Path, metavar="DIR",
                        help="also write an fp16 variant (weighted convolutions and matrix products in fp16) to this new folder")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace a pack folder this exporter wrote before (never a folder with other files)")
    return parser.parse_args(argv)


PACK_FILES = frozenset(["pack.json"] + [f"{name}.onnx" for name in GRAPH_NAMES])


def refuse_unsafe_outputs(args) -> None:
    """Raises ValueError (one line) when writing would replace anything that is not this exporter's own output."""
    out = args.out
    inputs = [p.resolve() for p in (args.checkpoint,) if p is not None]
    if out.exists() or out.is_symlink():
        if not out.is_dir() or out.is_symlink():
            raise ValueError(f"{out} exists and is not a pack folder; choose another --out")
        entries = sorted(entry.name for entry in out.iterdir())
        foreign = [name for name in entries if name not in PACK_FILES]
        if foreign:
            raise ValueError(f"{out} holds {foreign[0]}, which the exporter does not write; choose another --out")
        if entries and not args.overwrite:
            raise ValueError(f"{out} holds a pack already; choose another --out or pass --overwrite")
    for source in inputs:
        if source == out.resolve() or out.resolve() in source.parents:
            raise ValueError(f"{out} holds the checkpoint {args.checkpoint}; choose another --out")
    weights = args.save_state_dict
    if weights is not None:
        if weights.resolve() in inputs:
            raise ValueError(f"--save-state-dict {weights} would replace the checkpoint; choose another name")
        if weights.exists() and not (weights.is_file() and args.overwrite):
            raise ValueError(f"{weights} exists; choose another name or pass --overwrite")


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        refuse_unsafe_outputs(args)
    except ValueError as error:
        print(f"export_colormnet: {error}", file=sys.stderr)
        return 2
    if args.fp16_out is not None and args.fp16_out.exists() and any(args.fp16_out.iterdir()):
        print(f"export_colormnet: {args.fp16_out} is not empty; choose a new folder for --fp16-out", file=sys.stderr)
        return 2
    if args.threads:
        torch.set_num_threads(args.threads)
    warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
    warnings.filterwarnings("ignore", category=UserWarning)
    started = time.perf_counter()
    try:
        config = config_by_name(args.config)
        model = ColorMNet(config)
        if args.checkpoint is not None:
            load_checkpoint(model, args.checkpoint)
            digits = re.findall(r"(\d+)", args.checkpoint.stem)
            identity = dict(name="ColorMNet", version=digits[-1] if digits else args.checkpoint.stem,
                            licence="CC BY-NC-SA 4.0",
                            source=f"{args.checkpoint.name}, exported by onnx/export_colormnet.py")
        else:
            randomize_(model, args.random_init)
            identity = dict(name=f"ColorMNet ({config.name}, random weights)",
                            version=f"random-{args.random_init}",
                            licence="none: seeded random weights, no trained parameters",
                            source=f"random weights, seed {args.random_init}, config {config.name}, "
                                   f"exported by onnx/export_colormnet.py")
        model.eval()
        if args.save_state_dict is not None:
            args.save_state_dict.parent.mkdir(parents=True, exist_ok=True)
            torch.save(model.state_dict(), args.save_state_dict)
        export_pack(model, args.out, **identity)
        if args.fp16_out is not None:
            from packtools.fp16 import convert_pack
            convert_pack(args.out, args.fp16_out)
    except (ValueError, FileNotFoundError) as error:
        print(f"export_colormnet: {error}", file=sys.stderr)
        return 2
    print(f"pack written to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
