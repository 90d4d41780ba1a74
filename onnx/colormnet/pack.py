"""Exports the four graphs to ONNX and writes pack.json (docs/model-pack-format.md)."""
import hashlib
import json
import time
from pathlib import Path
from typing import Dict, Optional

import onnx
import torch

from .config import ColorMNetConfig
from .graphs import GRAPH_NAMES, build_graph_modules, concrete_shape, graph_io
from .model import ColorMNet

OPSET = 17
PADDING_MULTIPLE = 112
TRACE_SIZE = (224, 336)

MEMORY = {
    "top_k": 30,
    "mem_every": 5,
    "min_mid_term_frames": 5,
    "max_mid_term_frames": 10,
    "num_prototypes": 128,
    "max_long_term_elements": 10000,
    "deep_update": True,
}
NORMALISATION = {"lightness_offset": 50.0, "lightness_scale": 50.0, "chroma_scale": 110.0}


def example_inputs(config: ColorMNetConfig, height: int, width: int, seed: int = 0) -> Dict[str, tuple]:
    """Random graph inputs of the right shapes for a padded frame of height x width."""
    generator = torch.Generator().manual_seed(seed)
    result = {}
    for name, spec in graph_io(config).items():
        tensors = []
        for tensor_name, shape in spec["inputs"]:
            tensor = torch.randn(concrete_shape(shape, height, width), generator=generator)
            if tensor_name == "ab":
                tensor = torch.tanh(tensor) * 0.5
            elif tensor_name == "hidden":
                tensor = torch.tanh(tensor)
            tensors.append(tensor)
        result[name] = tuple(tensors)
    return result


def _dynamic_axes(spec) -> Dict[str, Dict[int, str]]:
    axes = {}
    for tensor_name, shape in list(spec["inputs"]) + list(spec["outputs"]):
        named = {i: d for i, d in enumerate(shape) if isinstance(d, str)}
        if named:
            axes[tensor_name] = named
    return axes


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export_graph(module: torch.nn.Module, name: str, config: ColorMNetConfig, path: Path) -> None:
    spec = graph_io(config)[name]
    inputs = example_inputs(config, *TRACE_SIZE)[name]
    with torch.no_grad():
        torch.onnx.export(
            module, inputs, str(path),
            input_names=[n for n, _ in spec["inputs"]],
            output_names=[n for n, _ in spec["outputs"]],
            dynamic_axes=_dynamic_axes(spec),
            opset_version=OPSET,
            do_constant_folding=True)
    _declare_io_shapes(path, spec)
    check_graph_file(path, name, config)


def _declare_io_shapes(path: Path, spec) -> None:
    """Writes the contract's shapes onto the graph's inputs and outputs: fixed sizes as
    values, dynamic ones as the symbols H, W, h, w, H/8, W/8, H/4, W/4."""
    model = onnx.load(str(path))
    for values, declared in ((model.graph.input, spec["inputs"]), (model.graph.output, spec["outputs"])):
        for value, (_, shape) in zip(values, declared):
            dims = value.type.tensor_type.shape.dim
            del dims[:]
            for size in shape:
                dim = dims.add()
                if isinstance(size, str):
                    dim.dim_param = size
                else:
                    dim.dim_value = size
    onnx.save(model, str(path))


def check_graph_file(path: Path, name: str, config: ColorMNetConfig) -> None:
    """onnx.checker plus: input/output names, ranks, fixed sizes and the symbolic axes."""
    onnx.checker.check_model(str(path))
    model = onnx.load(str(path), load_external_data=False)
    spec = graph_io(config)[name]
    for kind, declared, actual in (("input", spec["inputs"], model.graph.input),
                                   ("output", spec["outputs"], model.graph.output)):
        actual_names = [v.name for v in actual]
        if actual_names != [n for n, _ in declared]:
            raise ValueError(f"{path}: {kind} names {actual_names} differ from {[n for n, _ in declared]}")
        for value, (tensor_name, shape) in zip(actual, declared):
            dims = value.type.tensor_type.shape.dim
            if len(dims) != len(shape):
                raise ValueError(f"{path}: {kind} {tensor_name} has rank {len(dims)}, expected {len(shape)}")
            for axis, (dim, expected) in enumerate(zip(dims, shape)):
                if isinstance(expected, int) and dim.dim_value != expected:
                    raise ValueError(f"{path}: {kind} {tensor_name} axis {axis} is {dim.dim_value}, expected {expected}")
                if isinstance(expected, str) and dim.dim_param == "":
                    raise ValueError(f"{path}: {kind} {tensor_name} axis {axis} is fixed ({dim.dim_value}), "
                                     f"expected the dynamic axis {expected}")
    opsets = [o.version for o in model.opset_import if o.domain in ("", "ai.onnx")]
    if opsets != [OPSET]:
        raise ValueError(f"{path}: opset {opsets}, expected {OPSET}")


def manifest(config: ColorMNetConfig, out_dir: Path, name: str, version: str, licence: str, source: str) -> dict:
    graphs = {}
    for graph_name, spec in graph_io(config).items():
        file = f"{graph_name}.onnx"
        graphs[graph_name] = {
            "file": file,
            "sha256": sha256_of(out_dir / file),
            "inputs": [{"name": n, "shape": s} for n, s in spec["inputs"]],
            "outputs": [{"name": n, "shape": s} for n, s in spec["outputs"]],
        }
    return {
        "format": "nitrate-pack/1",
        "name": name,
        "version": version,
        "licence": licence,
        "source": source,
        "opset": OPSET,
        "graphs": graphs,
        "normalisation": dict(NORMALISATION),
        "padding_multiple": PADDING_MULTIPLE,
        "strides": {"f16": 16, "f8": 8, "f4": 4},
        "channels": {"objects": config.objects, "key": config.key_dim, "value": config.value_dim,
                     "hidden": config.hidden_dim, "f16": config.f16_channels, "f8": config.f8_channels,
                     "f4": config.f4_channels},
        "memory": dict(MEMORY),
        "local_attention": {"enabled": True, "radius": config.la_radius},
        "inference": {"max_area": None},
    }


def export_pack(model: ColorMNet, out_dir: Path, name: str, version: str, licence: str, source: str,
                log=print) -> dict:
    """Writes the four graphs and pack.json into ``out_dir``; returns the manifest."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.eval()
    modules = build_graph_modules(model)
    for graph_name in GRAPH_NAMES:
        started = time.perf_counter()
        path = out_dir / f"{graph_name}.onnx"
        export_graph(modules[graph_name], graph_name, model.config, path)
        log(f"{graph_name}: {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
    data = manifest(model.config, out_dir, name, version, licence, source)
    (out_dir / "pack.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data
