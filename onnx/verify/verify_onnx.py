#!/usr/bin/python3
"""Development check: runs an exported pack's graphs in ONNX Runtime (Java, from ~/.m2) at a
frame size other than the trace size and compares every output with the PyTorch modules.

    python3 onnx/verify/verify_onnx.py --pack PACK --state-dict W.pt [--config tiny] [--size 336x448]
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from colormnet import ColorMNet, config_by_name  # noqa: E402
from colormnet.graphs import build_graph_modules, graph_io  # noqa: E402
from colormnet.pack import example_inputs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pack", type=Path, required=True)
    parser.add_argument("--state-dict", type=Path, required=True)
    parser.add_argument("--config", default="full")
    parser.add_argument("--size", default="336x448", help="HxW, multiples of 112")
    parser.add_argument("--graphs", default="key_encoder,value_encoder,decoder,local_attention")
    args = parser.parse_args()
    height, width = (int(v) for v in args.size.split("x"))
    config = config_by_name(args.config)
    model = ColorMNet(config)
    model.load_state_dict(torch.load(args.state_dict, map_location="cpu"), strict=True)
    model.eval()
    modules = build_graph_modules(model)
    names = args.graphs.split(",")
    inputs = example_inputs(config, height, width, seed=11)
    jar = sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/*/onnxruntime-*.jar")))[-1]
    with tempfile.TemporaryDirectory() as io:
        io = Path(io)
        lines = []
        for name in names:
            for (tensor_name, _), tensor in zip(graph_io(config)[name]["inputs"], inputs[name]):
                tensor.numpy().astype("<f4").tofile(io / f"{name}.{tensor_name}.bin")
                lines.append(f"{name} {tensor_name} {','.join(str(d) for d in tensor.shape)}")
        (io / "inputs.txt").write_text("\n".join(lines) + "\n")
        env = dict(os.environ, ORT_DISABLE_TELEMETRY="1")
        run = subprocess.run(["java", "-cp", jar, str(Path(__file__).with_name("OrtRun.java")), str(args.pack), str(io)],
                             env=env, capture_output=True, text=True)
        print(run.stdout, end="")
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            return 1
        worst = 0.0
        with torch.no_grad():
            for name in names:
                expected = modules[name](*inputs[name])
                expected = expected if isinstance(expected, tuple) else (expected,)
                for (tensor_name, _), torch_out in zip(graph_io(config)[name]["outputs"], expected):
                    ort_out = np.fromfile(io / f"{name}.out.{tensor_name}.bin", dtype="<f4")
                    torch_np = torch_out.numpy().reshape(-1)
                    if ort_out.size != torch_np.size:
                        print(f"{name}.{tensor_name}: size {ort_out.size} vs torch {torch_np.size}")
                        return 1
                    diff = float(np.abs(ort_out - torch_np).max())
                    scale = float(np.abs(torch_np).max())
                    worst = max(worst, diff / max(scale, 1e-6))
                    print(f"{name}.{tensor_name} {tuple(torch_out.shape)}: max |ort - torch| = {diff:.3g} "
                          f"(max |torch| = {scale:.3g})")
    print(f"worst relative difference {worst:.3g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
