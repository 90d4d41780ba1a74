#!/usr/bin/python3
"""Exports ColorMNet as a Nitrate model pack (docs/model-pack-format.md).

    python3 onnx/export_colormnet.py --checkpoint DINOv2FeatureV6_LocalAtten_s2_154000.pth --out PACK_DIR
    python3 onnx/export_colormnet.py --random-init 7 [--config tiny] --out PACK_DIR [--save-state-dict W.pt]
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
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
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
    except (ValueError, FileNotFoundError) as error:
        print(f"export_colormnet: {error}", file=sys.stderr)
        return 2
    print(f"pack written to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
