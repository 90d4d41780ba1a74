"""Width and depth settings of the ColorMNet architecture.

``FULL`` is the released architecture (the official checkpoint loads into it strictly).
``TINY`` is the same graph with every width and depth reduced, for small test fixtures: the
graph inputs and outputs are identical apart from channel counts.
"""
from dataclasses import dataclass, asdict
from typing import Tuple


@dataclass(frozen=True)
class ColorMNetConfig:
    name: str
    # Key encoder, ResNet50 path (bottleneck expansion 4): stem width, blocks and planes of
    # res2 / layer2 / layer3.
    key_stem: int = 64
    key_blocks: Tuple[int, int, int] = (3, 4, 6)
    key_planes: Tuple[int, int, int] = (64, 128, 256)
    # Key encoder, DINOv2 ViT/14 path.
    vit_embed: int = 384
    vit_depth: int = 12
    vit_heads: int = 6
    vit_mlp_ratio: int = 4
    vit_patch: int = 14
    vit_pos_grid: int = 37
    vit_taken_blocks: int = 4
    fuse_heads: int = 8
    # Key projection.
    key_dim: int = 64
    # Value encoder, ResNet18 path with a 5-channel first conv.
    value_stem: int = 64
    value_blocks: Tuple[int, int, int] = (2, 2, 2)
    value_planes: Tuple[int, int, int] = (64, 128, 256)
    value_dim: int = 512
    hidden_dim: int = 64
    objects: int = 2
    # Decoder widths at 1/16, 1/8, 1/4 and the hidden updater's middle width.
    decoder_g16: int = 512
    decoder_g8: int = 256
    decoder_g4: int = 256
    decoder_hidden_mid: int = 256
    cbam_reduction: int = 16
    # Local attention.
    la_radius: int = 7

    @property
    def f4_channels(self) -> int:
        return self.key_planes[0] * 4

    @property
    def f8_channels(self) -> int:
        return self.key_planes[1] * 4

    @property
    def f16_channels(self) -> int:
        return self.key_planes[2] * 4

    @property
    def dino_channels(self) -> int:
        return self.vit_embed * self.vit_taken_blocks

    @property
    def la_window(self) -> int:
        return 2 * self.la_radius + 1

    def to_dict(self) -> dict:
        return asdict(self)


FULL = ColorMNetConfig(name="full")

TINY = ColorMNetConfig(
    name="tiny",
    key_stem=8,
    key_blocks=(1, 1, 1),
    key_planes=(4, 8, 16),
    vit_embed=24,
    vit_depth=5,
    vit_heads=2,
    vit_pos_grid=8,
    key_dim=16,
    value_stem=8,
    value_blocks=(1, 1, 1),
    value_planes=(8, 16, 32),
    value_dim=32,
    hidden_dim=16,
    decoder_g16=32,
    decoder_g8=16,
    decoder_g4=16,
    decoder_hidden_mid=16,
    cbam_reduction=4,
)

CONFIGS = {c.name: c for c in (FULL, TINY)}


def config_by_name(name: str) -> ColorMNetConfig:
    try:
        return CONFIGS[name]
    except KeyError:
        raise ValueError(f"unknown ColorMNet config '{name}', expected one of {sorted(CONFIGS)}") from None
