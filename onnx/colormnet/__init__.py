"""Our own PyTorch implementation of ColorMNet (ECCV 2024), written from
../shared/docs/colormnet-facts.md; parameter names match the released checkpoint."""
from .config import ColorMNetConfig, FULL, TINY, config_by_name
from .model import ColorMNet

__all__ = ["ColorMNetConfig", "FULL", "TINY", "config_by_name", "ColorMNet"]
