"""Exports the four graphs to ONNX and writes pack.json (docs/model-pack-format.md) with the one pack writer."""
from pathlib import Path
from typing import Dict

import torch
from packtools import writer as pack_writer

from .config import ColorMNetConfig
from .graphs import GRAPH_NAMES, build_graph_modules, channels_of, concrete_shape, graph_io
from .model import ColorMNet

OPSET = pack_writer.OPSET
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
NORMALISATION = dict(pack_writer.NORMALISATION)
EXPORT_OPTIONS = pack_writer.ExportOptions(declare_shapes=True)


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


def export_pack(model: ColorMNet, out_dir: Path, name: str, version: str, licence: str, source: str,
                log=print) -> dict:
    """Writes the four graphs and pack.json into ``out_dir``; returns the manifest."""
    model.eval()
    config = model.config
    modules = build_graph_modules(model)
    description = pack_writer.PackDescription(
        name=name, version=version, licence=licence, source=source, channels=channels_of(config),
        memory=dict(MEMORY), local_attention={"enabled": True, "radius": config.la_radius},
        normalisation=dict(NORMALISATION), padding_multiple=PADDING_MULTIPLE)
    return pack_writer.write_pack(
        Path(out_dir), description, {graph_name: modules[graph_name] for graph_name in GRAPH_NAMES},
        lambda graph_name: example_inputs(config, *TRACE_SIZE)[graph_name], graph_io(config),
        EXPORT_OPTIONS, log=log)
