"""DINOv2 ViT/14 (ViT-S/14 in the full config) as used by ColorMNet's key encoder.

Only the inference path is modelled: patch embedding, class token, positional embeddings
interpolated bicubically to the patch grid (DINOv2's rule, including its +0.1 offset),
pre-norm blocks with LayerScale, and ``intermediate_maps`` = the last N blocks' outputs with
the final LayerNorm applied, reshaped to patch grids. The interpolation is written with
explicit index arithmetic so that it traces to an ONNX graph with dynamic H and W.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

_CUBIC_A = -0.75


class PatchEmbed(nn.Module):
    def __init__(self, patch: int, embed: int):
        super().__init__()
        self.proj = nn.Conv2d(3, embed, patch, stride=patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


QUERY_CHUNKS = 32
"""Patch queries attend in this many chunks, so that a 1080p frame's attention matrix (11,520 tokens
squared, 6 heads: 3.2 GB in fp32) is never whole: each chunk's is 1/32 of it. The patch count is
(H/14)(W/14) with H and W multiples of 112, so always a multiple of 64; the class token attends alone."""


class Attention(nn.Module):
    def __init__(self, embed: int, heads: int):
        super().__init__()
        self.heads = heads
        self.scale = (embed // heads) ** -0.5
        self.qkv = nn.Linear(embed, embed * 3)
        self.proj = nn.Linear(embed, embed)

    def forward(self, x):
        batch, tokens, embed = x.shape
        qkv = self.qkv(x).reshape(batch, tokens, 3, self.heads, embed // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0] * self.scale, qkv[1], qkv[2]
        keys = k.transpose(-2, -1)
        if (tokens - 1) % QUERY_CHUNKS != 0:
            out = torch.softmax(q @ keys, dim=-1) @ v
        else:
            head_dim = embed // self.heads
            patches = q[:, :, 1:].reshape(batch, self.heads, QUERY_CHUNKS, -1, head_dim)
            parts = [torch.softmax(q[:, :, :1] @ keys, dim=-1) @ v]
            for chunk in range(QUERY_CHUNKS):
                parts.append(torch.softmax(patches[:, :, chunk] @ keys, dim=-1) @ v)
            out = torch.cat(parts, dim=2)
        return self.proj(out.transpose(1, 2).reshape(batch, tokens, embed))


class Mlp(nn.Module):
    def __init__(self, embed: int, hidden: int):
        super().__init__()
        self.fc1 = nn.Linear(embed, hidden)
        self.fc2 = nn.Linear(hidden, embed)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class LayerScale(nn.Module):
    def __init__(self, embed: int):
        super().__init__()
        self.gamma = nn.Parameter(torch.full((embed,), 1e-5))

    def forward(self, x):
        return x * self.gamma


class Block(nn.Module):
    def __init__(self, embed: int, heads: int, mlp_ratio: int):
        super().__init__()
        self.norm1 = nn.LayerNorm(embed, eps=1e-6)
        self.attn = Attention(embed, heads)
        self.ls1 = LayerScale(embed)
        self.norm2 = nn.LayerNorm(embed, eps=1e-6)
        self.mlp = Mlp(embed, embed * mlp_ratio)
        self.ls2 = LayerScale(embed)

    def forward(self, x):
        x = x + self.ls1(self.attn(self.norm1(x)))
        return x + self.ls2(self.mlp(self.norm2(x)))


def _cubic_near(x):
    return ((_CUBIC_A + 2) * x - (_CUBIC_A + 3)) * x * x + 1


def _cubic_far(x):
    return ((_CUBIC_A * x - 5 * _CUBIC_A) * x + 8 * _CUBIC_A) * x - 4 * _CUBIC_A


def _tensor(value) -> torch.Tensor:
    """Sizes are Python ints in eager mode and traced tensors under torch.onnx.export."""
    return value if isinstance(value, torch.Tensor) else torch.tensor(value)


def bicubic_matrix(out_size: torch.Tensor, in_size: int, inverse_scale: torch.Tensor) -> torch.Tensor:
    """(out_size, in_size) matrix of PyTorch's bicubic weights (align_corners=False, A=-0.75,
    border indices clamped) for a resize whose source coordinate is
    ``inverse_scale * (i + 0.5) - 0.5``."""
    dst = torch.arange(out_size, dtype=torch.float32)
    src = inverse_scale * (dst + 0.5) - 0.5
    base = torch.floor(src)
    t = src - base
    weights = (_cubic_far(t + 1.0), _cubic_near(t), _cubic_near(1.0 - t), _cubic_far(2.0 - t))
    columns = torch.arange(in_size, dtype=torch.float32)
    matrix = torch.zeros_like(dst)[:, None] * columns[None, :]
    for tap, weight in enumerate(weights):
        index = torch.clamp(base + (tap - 1), 0.0, float(in_size - 1))
        matrix = matrix + weight[:, None] * (index[:, None] == columns[None, :]).to(torch.float32)
    return matrix


class DinoVisionTransformer(nn.Module):
    def __init__(self, embed: int, depth: int, heads: int, mlp_ratio: int, patch: int, pos_grid: int):
        super().__init__()
        self.patch = patch
        self.pos_grid = pos_grid
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed))
        self.pos_embed = nn.Parameter(torch.zeros(1, pos_grid * pos_grid + 1, embed))
        self.mask_token = nn.Parameter(torch.zeros(1, embed))
        self.patch_embed = PatchEmbed(patch, embed)
        self.blocks = nn.ModuleList([Block(embed, heads, mlp_ratio) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed, eps=1e-6)

    def interpolated_pos_embed(self, height, width) -> torch.Tensor:
        """Positional embeddings for an image of ``height`` x ``width`` pixels, as DINOv2
        computes them: unchanged for a square image with the training grid, otherwise bicubic
        with scale factor (grid + 0.1) / M."""
        m = self.pos_grid
        rows = height // self.patch
        cols = width // self.patch
        unchanged = (rows == m) & (cols == m) & (height == width)
        unchanged = _tensor(unchanged)
        # PyTorch uses 1 / ((grid + 0.1) / M) as a float; 10 M / (10 grid + 1) computes the
        # same quotient from exact integers with one float division.
        one = torch.ones((), dtype=torch.float32)
        row_inverse = torch.where(unchanged, one, float(10 * m) / _tensor(rows * 10 + 1).to(torch.float32))
        col_inverse = torch.where(unchanged, one, float(10 * m) / _tensor(cols * 10 + 1).to(torch.float32))
        row_matrix = bicubic_matrix(rows, m, row_inverse)
        col_matrix = bicubic_matrix(cols, m, col_inverse)
        embed = self.pos_embed.shape[-1]
        grid = self.pos_embed[0, 1:].reshape(m, m, embed).permute(2, 0, 1)
        resized = row_matrix @ grid @ col_matrix.transpose(0, 1)
        patches = resized.permute(1, 2, 0).reshape(1, -1, embed)
        return torch.cat([self.pos_embed[:, :1], patches], dim=1)

    def intermediate_maps(self, image: torch.Tensor, count: int):
        """Outputs of the last ``count`` blocks, final norm applied, as (B, C, H/14, W/14) maps."""
        batch, height, width = image.shape[0], image.shape[2], image.shape[3]
        x = self.patch_embed(image)
        x = torch.cat([self.cls_token.expand(batch, -1, -1), x], dim=1)
        x = x + self.interpolated_pos_embed(height, width)
        rows, cols = height // self.patch, width // self.patch
        first_taken = len(self.blocks) - count
        maps = []
        for index, block in enumerate(self.blocks):
            x = block(x)
            if index >= first_taken:
                tokens = self.norm(x)[:, 1:]
                maps.append(tokens.reshape(batch, rows, cols, -1).permute(0, 3, 1, 2))
        return maps
