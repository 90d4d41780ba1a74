"""The one writer of nitrate-pack/1 folders (docs/model-pack-format.md): ONNX graphs, their hashes and pack.json.

Callers (onnx/colormnet/pack.py, onnx/reference/make_parity_fixture.py, onnx/build_builtin_pack.py)
differ only in their graph modules, example inputs, the pack's numbers and a few export options.
A module follows the contract of graph_io(): forward arguments in the order of the inputs,
outputs a tuple in the order of the outputs (a single tensor for one output).
"""
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import onnx
import torch

FORMAT = "nitrate-pack/1"
OPSET = 17
NORMALISATION = {"lightness_offset": 50.0, "lightness_scale": 50.0, "chroma_scale": 110.0}
STRIDES = {"f16": 16, "f8": 8, "f4": 4}
CORE_GRAPHS = ("key_encoder", "value_encoder", "decoder", "local_attention")

TensorSpec = Tuple[str, list]


def graph_io(channels: dict, refiner: bool = False) -> Dict[str, Dict[str, List[TensorSpec]]]:
    """Input and output names with shapes (ints or symbols such as H, W, h, w) per graph, for the channel counts."""
    o, ck, cv, chh = channels["objects"], channels["key"], channels["value"], channels["hidden"]
    f16 = ("f16", [1, channels["f16"], "h", "w"])
    f8 = ("f8", [1, channels["f8"], "H/8", "W/8"])
    f4 = ("f4", [1, channels["f4"], "H/4", "W/4"])
    hidden = [1, o, chh, "h", "w"]
    io = {
        "key_encoder": {
            "inputs": [("image", [1, 3, "H", "W"])],
            "outputs": [f16, f8, f4, ("key", [1, ck, "h", "w"]), ("shrinkage", [1, 1, "h", "w"]),
                        ("selection", [1, ck, "h", "w"])],
        },
        "value_encoder": {
            "inputs": [("image", [1, 3, "H", "W"]), ("ab", [1, 2, "H", "W"]), f16, ("hidden", hidden)],
            "outputs": [("value", [1, o, cv, "h", "w"]), ("hidden_out", hidden)],
        },
        "decoder": {
            "inputs": [f16, f8, f4, ("readout", [1, o, cv, "h", "w"]), ("hidden", hidden)],
            "outputs": [("ab", [1, 2, "H", "W"]), ("hidden_out", hidden)],
        },
        "local_attention": {
            "inputs": [("query_key", [1, ck, "h", "w"]), ("memory_key", [1, ck, "h", "w"]),
                       ("memory_value", [1, o, cv, "h", "w"])],
            "outputs": [("attention", [1, o, cv, "h", "w"])],
        },
    }
    if refiner:
        io["refiner"] = {
            "inputs": [("lightness", [1, 1, "Hf", "Wf"]), ("network_ab", [1, 2, "Hn", "Wn"])],
            "outputs": [("ab", [1, 2, "Hf", "Wf"])],
        }
    return io


def concrete_shape(shape: list, height: int, width: int) -> List[int]:
    """Resolves the symbols of a graph_io shape for a padded frame of height x width."""
    symbols = {"H": height, "W": width, "h": height // 16, "w": width // 16,
               "H/8": height // 8, "W/8": width // 8, "H/4": height // 4, "W/4": width // 4}
    return [symbols[d] if isinstance(d, str) else d for d in shape]


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ExportOptions:
    """How graphs are traced. axis_name maps a shape symbol to the ONNX dim_param torch writes;
    declare_shapes rewrites every input and output dim with the contract's own sizes and symbols afterwards."""
    axis_name: Callable[[str], str] = str
    declare_shapes: bool = False


@dataclass(frozen=True)
class PackDescription:
    """What pack.json says besides its graphs, in the manifest's key order; extra keys go last."""
    name: str
    version: str
    licence: str
    source: str
    channels: dict
    memory: dict
    local_attention: dict
    normalisation: dict = field(default_factory=lambda: dict(NORMALISATION))
    padding_multiple: int = 112
    strides: dict = field(default_factory=lambda: dict(STRIDES))
    inference: dict = field(default_factory=lambda: {"max_area": None})
    extra: dict = field(default_factory=dict)


def export_graph(module: torch.nn.Module, spec: dict, example: tuple, path, options: ExportOptions) -> None:
    """Traces module to ONNX at path with the spec's names and dynamic axes, then checks it against the spec."""
    names_in = [n for n, _ in spec["inputs"]]
    names_out = [n for n, _ in spec["outputs"]]
    dynamic = {}
    for name, shape in list(spec["inputs"]) + list(spec["outputs"]):
        axes = {i: options.axis_name(d) for i, d in enumerate(shape) if isinstance(d, str)}
        if axes:
            dynamic[name] = axes
    with torch.no_grad():
        torch.onnx.export(module, example, str(path), input_names=names_in, output_names=names_out,
                          dynamic_axes=dynamic, opset_version=OPSET, do_constant_folding=True)
    if options.declare_shapes:
        _declare_io_shapes(path, spec)
    check_graph_file(path, spec, options.declare_shapes)


def _declare_io_shapes(path, spec) -> None:
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


def check_graph_file(path, spec, shapes_declared: bool = True) -> None:
    """onnx.checker plus: input/output names and the opset; where the shapes were declared, also ranks,
    fixed sizes and dynamic axes (a trace alone leaves some output sizes unset)."""
    onnx.checker.check_model(str(path))
    model = onnx.load(str(path), load_external_data=False)
    for kind, declared, actual in (("input", spec["inputs"], model.graph.input),
                                   ("output", spec["outputs"], model.graph.output)):
        actual_names = [v.name for v in actual]
        if actual_names != [n for n, _ in declared]:
            raise ValueError(f"{path}: {kind} names {actual_names} differ from {[n for n, _ in declared]}")
        if not shapes_declared:
            continue
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


def manifest(description: PackDescription, graphs: dict) -> dict:
    """pack.json's content; graphs maps a graph name to its entry (file, sha256, inputs, outputs)."""
    d = description
    return {
        "format": FORMAT, "name": d.name, "version": d.version, "licence": d.licence, "source": d.source,
        "opset": OPSET, "graphs": graphs, "normalisation": d.normalisation, "padding_multiple": d.padding_multiple,
        "strides": d.strides, "channels": d.channels, "memory": d.memory, "local_attention": d.local_attention,
        "inference": d.inference, **d.extra,
    }


def write_pack(out_dir, description: PackDescription, modules: Dict[str, torch.nn.Module],
               example_inputs: Callable[[str], tuple], specs: Dict[str, dict],
               options: ExportOptions = ExportOptions(), log: Optional[Callable[[str], None]] = None,
               final_newline: bool = True) -> dict:
    """Exports modules (graph name -> module, in the manifest's order) into out_dir with a pack.json; returns
    the manifest. example_inputs(name) is called just before each graph is traced; specs is graph_io()'s.
    final_newline=False keeps the parity fixtures' pack.json as it was first written."""
    os.makedirs(out_dir, exist_ok=True)
    graphs = {}
    for name, module in modules.items():
        started = time.perf_counter()
        file = name + ".onnx"
        path = os.path.join(out_dir, file)
        spec = specs[name]
        export_graph(module, spec, example_inputs(name), path, options)
        if log is not None:
            log(f"{name}: {os.path.getsize(path) / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
        graphs[name] = {
            "file": file, "sha256": sha256_of(path),
            "inputs": [{"name": n, "shape": list(s)} for n, s in spec["inputs"]],
            "outputs": [{"name": n, "shape": list(s)} for n, s in spec["outputs"]],
        }
    data = manifest(description, graphs)
    with open(os.path.join(out_dir, "pack.json"), "w", encoding="utf-8") as stream:
        stream.write(json.dumps(data, indent=2) + ("\n" if final_newline else ""))
    return data
