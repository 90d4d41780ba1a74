"""Seeded random weights and checkpoint loading."""
import math
from pathlib import Path
from typing import Dict

import torch
import torch.nn as nn

from .config import ColorMNetConfig
from .dinov2 import DinoVisionTransformer, LayerScale
from .model import ChannelLayerNorm, ColorMNet, CrossChannelAttention


def _normal(generator: torch.Generator, tensor: torch.Tensor, std: float, mean: float = 0.0) -> None:
    with torch.no_grad():
        tensor.copy_(torch.randn(tensor.shape, generator=generator) * std + mean)


def _uniform(generator: torch.Generator, tensor: torch.Tensor, low: float, high: float) -> None:
    with torch.no_grad():
        tensor.copy_(torch.rand(tensor.shape, generator=generator) * (high - low) + low)


def randomize_(model: ColorMNet, seed: int, calibration_size=(224, 224)) -> ColorMNet:
    """Fills ``model`` with seeded random weights whose activations stay in a useful range.

    Convs: He-normal (fan in); linears: normal with std 1/sqrt(fan_in); norms' affine
    parameters near 1 and 0; LayerScale and fusion temperatures in moderate ranges. BatchNorm
    running statistics are then measured on a seeded synthetic frame (cumulative average over
    one forward pass), so every BN normalises its real input; finally the decoder's prediction
    conv is scaled so that the logits have a standard deviation of about 0.7 (tanh not
    saturated). Deterministic for a given seed and config on one machine.
    """
    generator = torch.Generator().manual_seed(seed)
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            fan_in = module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
            _normal(generator, module.weight, math.sqrt(2.0 / fan_in))
            if module.bias is not None:
                _normal(generator, module.bias, 0.05)
        elif isinstance(module, nn.Linear):
            _normal(generator, module.weight, 1.0 / math.sqrt(module.in_features))
            _normal(generator, module.bias, 0.05)
        elif isinstance(module, (nn.LayerNorm, ChannelLayerNorm, nn.BatchNorm2d)):
            _uniform(generator, module.weight, 0.6, 1.2)
            _normal(generator, module.bias, 0.1)
        elif isinstance(module, LayerScale):
            _uniform(generator, module.gamma, 0.05, 0.3)
        elif isinstance(module, CrossChannelAttention):
            _uniform(generator, module.temperature, 0.5, 2.0)
        elif isinstance(module, DinoVisionTransformer):
            _normal(generator, module.cls_token, 0.5)
            _normal(generator, module.pos_embed, 0.5)
            _normal(generator, module.mask_token, 0.02)
    _calibrate(model, generator, calibration_size)
    return model


def synthetic_frame(generator: torch.Generator, height: int, width: int) -> torch.Tensor:
    """A smooth random image in [-1, 1]: low-resolution noise upsampled bilinearly."""
    coarse = torch.rand((1, 1, max(2, height // 32), max(2, width // 32)), generator=generator) * 2 - 1
    frame = torch.nn.functional.interpolate(coarse, size=(height, width), mode="bilinear", align_corners=False)
    return frame.expand(1, 3, height, width).contiguous()


@torch.no_grad()
def _calibrate(model: ColorMNet, generator: torch.Generator, size) -> None:
    from .graphs import build_graph_modules

    height, width = size
    config: ColorMNetConfig = model.config
    batch_norms = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    for bn in batch_norms:
        bn.reset_running_stats()
        bn.momentum = None
    model.eval()
    for bn in batch_norms:
        bn.train()
    graphs = build_graph_modules(model)
    image = synthetic_frame(generator, height, width)
    ab = synthetic_frame(generator, height, width)[:, :2] * 0.5
    h, w = height // 16, width // 16
    hidden = torch.zeros(1, config.objects, config.hidden_dim, h, w)
    f16, f8, f4, key, _, _ = graphs["key_encoder"](image)
    value, hidden = graphs["value_encoder"](image, ab, f16, hidden)
    for bn in batch_norms:
        bn.momentum = 0.1
        bn.num_batches_tracked.zero_()
    model.eval()
    readout = value + graphs["local_attention"](key, key, value)
    logits, _ = model.decoder(f16, f8, f4, readout, hidden)
    model.decoder.pred.weight.mul_(0.7 / float(logits.std().clamp_min(1e-6)))
    model.decoder.pred.bias.zero_()


def load_checkpoint(model: ColorMNet, path: Path) -> ColorMNet:
    """Strictly loads a flat state_dict (the official .pth or one saved by the exporter)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"checkpoint {path}: no such file")
    try:
        state = torch.load(path, map_location="cpu")
    except Exception as error:  # torch raises several types for a corrupt file
        raise ValueError(f"checkpoint {path}: cannot be read by torch.load ({error})") from error
    if not isinstance(state, dict):
        raise ValueError(f"checkpoint {path}: expected a flat state_dict, got {type(state).__name__}")
    if any(k.startswith("module.") for k in state):
        state = {k[len("module."):] if k.startswith("module.") else k: v for k, v in state.items()}
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as error:
        raise ValueError(f"checkpoint {path}: does not match the {model.config.name} ColorMNet "
                         f"architecture: {error}") from error
    return model.eval()


def state_dict_shapes(model: ColorMNet) -> Dict[str, str]:
    return {k: "x".join(str(d) for d in v.shape) for k, v in model.state_dict().items()}
