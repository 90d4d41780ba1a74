"""ColorMNet's networks. Attribute names follow the released checkpoint's state_dict keys
(see official_state_dict.tsv), so ``load_state_dict(strict=True)`` accepts it."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from .blocks import (BasicBlock, Bottleneck, FeatureFusionBlock, HiddenReinforcer, HiddenUpdater,
                     UpsampleBlock, group_conv, resnet_stage)
from .config import ColorMNetConfig, FULL
from .dinov2 import DinoVisionTransformer


class ChannelLayerNorm(nn.Module):
    """LayerNorm over the channel axis of (B, C, H, W), biased variance, eps 1e-6."""

    def __init__(self, channels: int, eps: float = 1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.eps = eps

    def forward(self, x):
        mean = x.mean(1, keepdim=True)
        var = (x - mean).pow(2).mean(1, keepdim=True)
        y = (x - mean) / torch.sqrt(var + self.eps)
        return y * self.weight[None, :, None, None] + self.bias[None, :, None, None]


class CrossChannelAttention(nn.Module):
    """Restormer-style transposed attention: q from ``query_source``, k and v from ``kv_source``."""

    def __init__(self, channels: int, heads: int):
        super().__init__()
        inner = channels * 2
        self.heads = heads
        self.temperature = nn.Parameter(torch.ones(heads, 1, 1))
        self.to_q = nn.Conv2d(channels, inner, 1)
        self.to_q_dw = nn.Conv2d(inner, inner, 3, padding=1, groups=inner)
        self.to_k = nn.Conv2d(channels, inner, 1)
        self.to_k_dw = nn.Conv2d(inner, inner, 3, padding=1, groups=inner)
        self.to_v = nn.Conv2d(channels, inner, 1)
        self.to_v_dw = nn.Conv2d(inner, inner, 3, padding=1, groups=inner)
        self.to_out = nn.Sequential(nn.Conv2d(inner, channels, 1))

    def _split_heads(self, x):
        return x.reshape(x.shape[0], self.heads, x.shape[1] // self.heads, -1)

    def forward(self, query_source, kv_source):
        batch, _, height, width = query_source.shape
        q = self._split_heads(self.to_q_dw(self.to_q(query_source)))
        k = self._split_heads(self.to_k_dw(self.to_k(kv_source)))
        v = self._split_heads(self.to_v_dw(self.to_v(kv_source)))
        q = F.normalize(q, dim=-1)
        k = F.normalize(k, dim=-1)
        attn = torch.softmax((q @ k.transpose(-2, -1)) * self.temperature, dim=-1)
        out = (attn @ v).reshape(batch, -1, height, width)
        return self.to_out(out)


class Fuse(nn.Module):
    def __init__(self, dino_channels: int, channels: int, heads: int):
        super().__init__()
        self.encode_enc = nn.Conv2d(dino_channels, channels, 3, padding=1)
        self.norm1 = ChannelLayerNorm(channels)
        self.norm2 = ChannelLayerNorm(channels)
        self.crossattn = CrossChannelAttention(channels, heads)
        self.norm3 = ChannelLayerNorm(channels)

    def forward(self, dino, resnet_feature):
        enc = self.encode_enc(dino)
        out = self.crossattn(self.norm1(enc), self.norm2(resnet_feature)) + enc
        return F.relu(self.norm3(out))


class DinoFeature(nn.Module):
    """DINOv2 backbone + conv1x1/BN/ReLU on the concatenated last blocks, resized to 1/16."""

    def __init__(self, config: ColorMNetConfig):
        super().__init__()
        self.taken_blocks = config.vit_taken_blocks
        self.backbone = DinoVisionTransformer(config.vit_embed, config.vit_depth, config.vit_heads,
                                              config.vit_mlp_ratio, config.vit_patch, config.vit_pos_grid)
        channels = config.dino_channels
        self.conv3 = nn.Conv2d(channels, channels, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(channels)

    def forward(self, image):
        x = torch.cat(self.backbone.intermediate_maps(image, self.taken_blocks), dim=1)
        x = F.relu(self.bn3(self.conv3(x)))
        size = (x.shape[2] * 14 // 16, x.shape[3] * 14 // 16)
        return F.interpolate(x, size=size, mode="bilinear", align_corners=False)


class KeyEncoder(nn.Module):
    def __init__(self, config: ColorMNetConfig):
        super().__init__()
        stem = config.key_stem
        p4, p8, p16 = config.key_planes
        b4, b8, b16 = config.key_blocks
        self.conv1 = nn.Conv2d(3, stem, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(stem)
        self.res2 = resnet_stage(Bottleneck, stem, p4, b4, 1)
        self.layer2 = resnet_stage(Bottleneck, p4 * 4, p8, b8, 2)
        self.layer3 = resnet_stage(Bottleneck, p8 * 4, p16, b16, 2)
        self.network2 = DinoFeature(config)
        self.fuse1 = Fuse(config.dino_channels, config.f16_channels, config.fuse_heads)
        self.fuse2 = Fuse(config.dino_channels, config.f8_channels, config.fuse_heads)
        self.fuse3 = Fuse(config.dino_channels, config.f4_channels, config.fuse_heads)

    def forward(self, image):
        x = F.relu(self.bn1(self.conv1(image)))
        x = F.max_pool2d(x, 3, stride=2, padding=1)
        f4 = self.res2(x)
        f8 = self.layer2(f4)
        f16 = self.layer3(f8)
        dino = self.network2(image)
        g16 = self.fuse1(dino, f16)
        g8 = self.fuse2(F.interpolate(dino, scale_factor=2.0, mode="bilinear", align_corners=False), f8)
        g4 = self.fuse3(F.interpolate(dino, scale_factor=4.0, mode="bilinear", align_corners=False), f4)
        return g16, g8, g4


class KeyProjection(nn.Module):
    def __init__(self, in_channels: int, key_dim: int):
        super().__init__()
        self.key_proj = nn.Conv2d(in_channels, key_dim, 3, padding=1)
        self.d_proj = nn.Conv2d(in_channels, 1, 3, padding=1)
        self.e_proj = nn.Conv2d(in_channels, key_dim, 3, padding=1)

    def forward(self, f16):
        shrinkage = self.d_proj(f16) ** 2 + 1
        selection = torch.sigmoid(self.e_proj(f16))
        return self.key_proj(f16), shrinkage, selection


class ValueEncoder(nn.Module):
    def __init__(self, config: ColorMNetConfig):
        super().__init__()
        stem = config.value_stem
        p4, p8, p16 = config.value_planes
        b4, b8, b16 = config.value_blocks
        self.conv1 = nn.Conv2d(5, stem, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(stem)
        self.layer1 = resnet_stage(BasicBlock, stem, p4, b4, 1)
        self.layer2 = resnet_stage(BasicBlock, p4, p8, b8, 2)
        self.layer3 = resnet_stage(BasicBlock, p8, p16, b16, 2)
        self.fuser = FeatureFusionBlock(config.f16_channels, p16, config.value_dim, config.value_dim,
                                        config.cbam_reduction)
        self.hidden_reinforce = HiddenReinforcer(config.value_dim, config.hidden_dim)

    def forward(self, image, f16, hidden, masks, others):
        """masks, others: (B, N, H, W). Returns value (B, N, CV, h, w) and the deep-updated hidden."""
        batch, objects = masks.shape[0], masks.shape[1]
        g = torch.stack([masks, others], dim=2)
        g = torch.cat([image.unsqueeze(1).expand(-1, objects, -1, -1, -1), g], dim=2)
        g = g.flatten(0, 1)
        g = F.relu(F.max_pool2d(self.bn1(self.conv1(g)), 3, stride=2, padding=1))
        g = self.layer3(self.layer2(self.layer1(g)))
        # The release resizes g to f16's grid here; on frames padded to multiples of 16 both
        # grids are equal and that resize is the identity, so it is left out.
        g = g.view(batch, objects, g.shape[1], g.shape[2], g.shape[3])
        value = self.fuser(f16, g)
        return value, self.hidden_reinforce(value, hidden)


class Decoder(nn.Module):
    def __init__(self, config: ColorMNetConfig):
        super().__init__()
        self.fuser = FeatureFusionBlock(config.f16_channels, config.value_dim + config.hidden_dim,
                                        config.decoder_g16, config.decoder_g16, config.cbam_reduction)
        self.hidden_update = HiddenUpdater(config.decoder_g16, config.decoder_g8, config.decoder_g4 + 1,
                                           config.decoder_hidden_mid, config.hidden_dim)
        self.up_16_8 = UpsampleBlock(config.f8_channels, config.decoder_g16, config.decoder_g8)
        self.up_8_4 = UpsampleBlock(config.f4_channels, config.decoder_g8, config.decoder_g4)
        self.pred = nn.Conv2d(config.decoder_g4, 1, 3, padding=1)

    def forward(self, f16, f8, f4, readout, hidden):
        """Returns (logits (B, N, H, W) before tanh, updated hidden (B, N, CH, h, w))."""
        batch, objects = readout.shape[0], readout.shape[1]
        g16 = self.fuser(f16, torch.cat([readout, hidden], dim=2))
        g8 = self.up_16_8(f8, g16)
        g4 = self.up_8_4(f4, g8)
        logits = self.pred(F.relu(g4.flatten(0, 1)))
        logits_g = logits.view(batch, objects, 1, logits.shape[2], logits.shape[3])
        new_hidden = self.hidden_update(g16, g8, torch.cat([g4, logits_g], dim=2), hidden)
        logits = F.interpolate(logits, scale_factor=4.0, mode="bilinear", align_corners=False)
        return logits.view(batch, objects, logits.shape[2], logits.shape[3]), new_hidden


class DepthwiseConv(nn.Module):
    def __init__(self, channels: int, kernel: int = 5):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, kernel, padding=kernel // 2, groups=channels, bias=False)

    def forward(self, x):
        return self.conv(x)


class LocalAttention(nn.Module):
    """Short-term propagation from the most recent memory frame over a (2r+1)^2 window.

    logit_d(p) = <q_p / sqrt(CK), k_{p+d}> + rel_d(p), rel = conv1x1(q); offsets outside the
    frame get -1e8; softmax over the window; weighted sum of the O*CV value channels;
    depthwise 5x5 conv; linear CV*O -> CV*O. Offsets are ordered dy-major, dx-minor.
    Written with pad + slices so that the ONNX graph has dynamic h and w.
    """

    def __init__(self, key_dim: int, value_channels: int, radius: int):
        super().__init__()
        self.radius = radius
        self.window = 2 * radius + 1
        self.key_scale = 1.0 / math.sqrt(key_dim)
        self.relative_emb_k = nn.Conv2d(key_dim, self.window * self.window, 1)
        self.dw_conv = DepthwiseConv(value_channels)
        self.projection = nn.Linear(value_channels, value_channels)

    def _shifted(self, padded, dy: int, dx: int, height, width):
        return padded[:, :, dy:dy + height, dx:dx + width]

    def forward(self, query_key, memory_key, memory_value):
        r = self.radius
        height, width = query_key.shape[2], query_key.shape[3]
        relative = self.relative_emb_k(query_key)
        query = query_key * self.key_scale
        padded_key = F.pad(memory_key, (r, r, r, r))
        padded_inside = F.pad(torch.ones_like(query_key[:, :1]), (r, r, r, r))
        logits, inside = [], []
        for dy in range(self.window):
            for dx in range(self.window):
                shifted = self._shifted(padded_key, dy, dx, height, width)
                logits.append((query * shifted).sum(dim=1, keepdim=True))
                inside.append(self._shifted(padded_inside, dy, dx, height, width))
        logit = torch.cat(logits, dim=1) + relative
        logit = logit - (1.0 - torch.cat(inside, dim=1)) * 1e8
        weights = torch.softmax(logit, dim=1)
        values = memory_value.flatten(1, 2)
        padded_value = F.pad(values, (r, r, r, r))
        out = None
        for d in range(self.window * self.window):
            dy, dx = divmod(d, self.window)
            term = weights[:, d:d + 1] * self._shifted(padded_value, dy, dx, height, width)
            out = term if out is None else out + term
        out = self.dw_conv(out)
        out = self.projection(out.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
        return out.reshape(memory_value.shape)


class ColorMNet(nn.Module):
    """The whole network; submodule names equal the checkpoint's key prefixes."""

    def __init__(self, config: ColorMNetConfig = FULL):
        super().__init__()
        self.config = config
        self.key_encoder = KeyEncoder(config)
        self.value_encoder = ValueEncoder(config)
        self.key_proj = KeyProjection(config.f16_channels, config.key_dim)
        self.short_term_attn = LocalAttention(config.key_dim, config.objects * config.value_dim, config.la_radius)
        self.decoder = Decoder(config)
