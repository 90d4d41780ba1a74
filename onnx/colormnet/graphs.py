"""The four exported graphs as PyTorch modules, with exactly the inputs and outputs of
docs/model-pack-format.md. The Python reference loop and the exporter both use these.

    from colormnet import ColorMNet, TINY
    from colormnet.graphs import build_graph_modules
    graphs = build_graph_modules(ColorMNet(TINY).eval())
    f16, f8, f4, key, shrinkage, selection = graphs["key_encoder"](image)
    value, hidden = graphs["value_encoder"](image, ab, f16, hidden)
    attention = graphs["local_attention"](query_key, memory_key, memory_value)
    ab, hidden = graphs["decoder"](f16, f8, f4, readout, hidden)
"""
from typing import Dict, List, Tuple

import torch
import torch.nn as nn

from .config import ColorMNetConfig
from .model import ColorMNet

GRAPH_NAMES = ("key_encoder", "value_encoder", "decoder", "local_attention")


class KeyEncoderGraph(nn.Module):
    """image [1,3,H,W] -> f16, f8, f4, key, shrinkage, selection."""

    def __init__(self, model: ColorMNet):
        super().__init__()
        self.key_encoder = model.key_encoder
        self.key_proj = model.key_proj

    def forward(self, image):
        f16, f8, f4 = self.key_encoder(image)
        key, shrinkage, selection = self.key_proj(f16)
        return f16, f8, f4, key, shrinkage, selection


class ValueEncoderGraph(nn.Module):
    """image [1,3,H,W], ab [1,2,H,W], f16, hidden [1,O,CH,h,w] -> value [1,O,CV,h,w], hidden_out.

    Object i gets [L', L', L', ab_i, sum of the other objects' ab]: object 0 [L',L',L',a',b'],
    object 1 [L',L',L',b',a']. hidden_out is the deep update (the reinforcer's GRU step)."""

    def __init__(self, model: ColorMNet):
        super().__init__()
        self.value_encoder = model.value_encoder
        self.objects = model.config.objects

    def forward(self, image, ab, f16, hidden):
        others = []
        for i in range(self.objects):
            rest = [j for j in range(self.objects) if j != i]
            other = ab[:, rest[0]:rest[0] + 1]
            for j in rest[1:]:
                other = other + ab[:, j:j + 1]
            others.append(other)
        return self.value_encoder(image, f16, hidden, ab, torch.cat(others, dim=1))


class DecoderGraph(nn.Module):
    """f16, f8, f4, readout [1,O,CV,h,w], hidden -> ab [1,2,H,W] (tanh), hidden_out."""

    def __init__(self, model: ColorMNet):
        super().__init__()
        self.decoder = model.decoder

    def forward(self, f16, f8, f4, readout, hidden):
        logits, hidden_out = self.decoder(f16, f8, f4, readout, hidden)
        return torch.tanh(logits), hidden_out


class LocalAttentionGraph(nn.Module):
    """query_key [1,CK,h,w], memory_key [1,CK,h,w], memory_value [1,O,CV,h,w] -> attention
    [1,O,CV,h,w], to be added to the memory readout."""

    def __init__(self, model: ColorMNet):
        super().__init__()
        self.short_term_attn = model.short_term_attn

    def forward(self, query_key, memory_key, memory_value):
        return self.short_term_attn(query_key, memory_key, memory_value)


def build_graph_modules(model: ColorMNet) -> Dict[str, nn.Module]:
    """The four graph modules sharing ``model``'s parameters, keyed by graph name."""
    return {
        "key_encoder": KeyEncoderGraph(model),
        "value_encoder": ValueEncoderGraph(model),
        "decoder": DecoderGraph(model),
        "local_attention": LocalAttentionGraph(model),
    }


Shape = List[object]
TensorSpec = Tuple[str, Shape]


def graph_io(config: ColorMNetConfig) -> Dict[str, Dict[str, List[TensorSpec]]]:
    """Input and output names with shapes (ints or the symbols H, W, h, w) per graph."""
    o, ck, cv, ch = config.objects, config.key_dim, config.value_dim, config.hidden_dim
    c16, c8, c4 = config.f16_channels, config.f8_channels, config.f4_channels
    f16 = ("f16", [1, c16, "h", "w"])
    f8 = ("f8", [1, c8, "H/8", "W/8"])
    f4 = ("f4", [1, c4, "H/4", "W/4"])
    hidden = [1, o, ch, "h", "w"]
    return {
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


def concrete_shape(shape: Shape, height: int, width: int) -> List[int]:
    """Resolves the symbols of a ``graph_io`` shape for a padded frame of height x width."""
    symbols = {"H": height, "W": width, "h": height // 16, "w": width // 16,
               "H/8": height // 8, "W/8": width // 8, "H/4": height // 4, "W/4": width // 4}
    return [symbols[d] if isinstance(d, str) else d for d in shape]
