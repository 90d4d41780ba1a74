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

from packtools import writer as pack_writer

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


def channels_of(config: ColorMNetConfig) -> Dict[str, int]:
    """pack.json's "channels" for an architecture."""
    return {"objects": config.objects, "key": config.key_dim, "value": config.value_dim,
            "hidden": config.hidden_dim, "f16": config.f16_channels, "f8": config.f8_channels,
            "f4": config.f4_channels}


def graph_io(config: ColorMNetConfig) -> Dict[str, Dict[str, List[Tuple[str, list]]]]:
    """Input and output names with shapes (ints or the symbols H, W, h, w) per graph: the pack contract."""
    return pack_writer.graph_io(channels_of(config))


concrete_shape = pack_writer.concrete_shape
