"""Convolutional building blocks: ResNet stages, object-group blocks, CBAM, GRU updaters.

Tensors named ``g`` carry an object axis: (batch, objects, channels, height, width).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, in_channels: int, planes: int, stride: int = 1):
        super().__init__()
        out_channels = planes * self.expansion
        self.conv1 = nn.Conv2d(in_channels, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, out_channels, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(out_channels)
        self.downsample = None
        if stride != 1 or in_channels != out_channels:
            self.downsample = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        shortcut = x if self.downsample is None else self.downsample(x)
        return F.relu(out + shortcut)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, in_channels: int, planes: int, stride: int = 1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or in_channels != planes:
            self.downsample = nn.Sequential(
                nn.Conv2d(in_channels, planes, 1, stride=stride, bias=False),
                nn.BatchNorm2d(planes))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        shortcut = x if self.downsample is None else self.downsample(x)
        return F.relu(out + shortcut)


def resnet_stage(block, in_channels: int, planes: int, blocks: int, stride: int) -> nn.Sequential:
    layers = [block(in_channels, planes, stride)]
    for _ in range(1, blocks):
        layers.append(block(planes * block.expansion, planes, 1))
    return nn.Sequential(*layers)


def group_conv(conv: nn.Conv2d, g: torch.Tensor) -> torch.Tensor:
    """Applies a 2D conv to every object of ``g`` (B, N, C, H, W)."""
    batch, objects = g.shape[0], g.shape[1]
    out = conv(g.flatten(0, 1))
    return out.view(batch, objects, out.shape[1], out.shape[2], out.shape[3])


def resize_groups(g: torch.Tensor, scale: float) -> torch.Tensor:
    batch, objects = g.shape[0], g.shape[1]
    out = F.interpolate(g.flatten(0, 1), scale_factor=scale, mode="bilinear", align_corners=False)
    return out.view(batch, objects, out.shape[1], out.shape[2], out.shape[3])


def area_downsample_groups(g: torch.Tensor, factor: int) -> torch.Tensor:
    """Area downsampling by an integer factor (the frame grids are always divisible)."""
    batch, objects = g.shape[0], g.shape[1]
    out = F.avg_pool2d(g.flatten(0, 1), kernel_size=factor, stride=factor)
    return out.view(batch, objects, out.shape[1], out.shape[2], out.shape[3])


class GroupResBlock(nn.Module):
    def __init__(self, in_channels: int, out_channels: int):
        super().__init__()
        self.downsample = None
        if in_channels != out_channels:
            self.downsample = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)

    def forward(self, g):
        out = group_conv(self.conv1, F.relu(g))
        out = group_conv(self.conv2, F.relu(out))
        shortcut = g if self.downsample is None else group_conv(self.downsample, g)
        return out + shortcut


class ChannelGate(nn.Module):
    def __init__(self, channels: int, reduction: int):
        super().__init__()
        self.mlp = nn.Sequential(
            nn.Flatten(),
            nn.Linear(channels, channels // reduction),
            nn.ReLU(),
            nn.Linear(channels // reduction, channels))

    def forward(self, x):
        avg = self.mlp(x.mean(dim=(2, 3), keepdim=True))
        peak = self.mlp(x.amax(dim=(2, 3), keepdim=True))
        return x * torch.sigmoid(avg + peak)[:, :, None, None]


class SpatialConv(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 1, 7, padding=3)

    def forward(self, x):
        return self.conv(x)


class SpatialGate(nn.Module):
    def __init__(self):
        super().__init__()
        self.spatial = SpatialConv()

    def forward(self, x):
        pooled = torch.cat([x.amax(dim=1, keepdim=True), x.mean(dim=1, keepdim=True)], dim=1)
        return x * torch.sigmoid(self.spatial(pooled))


class CBAM(nn.Module):
    def __init__(self, channels: int, reduction: int):
        super().__init__()
        self.ChannelGate = ChannelGate(channels, reduction)
        self.SpatialGate = SpatialGate()

    def forward(self, x):
        return self.SpatialGate(self.ChannelGate(x))


class FeatureFusionBlock(nn.Module):
    """Concatenates an image feature to every object's feature, then res-block, CBAM, res-block."""

    def __init__(self, x_channels: int, g_channels: int, mid_channels: int, out_channels: int, reduction: int):
        super().__init__()
        self.block1 = GroupResBlock(x_channels + g_channels, mid_channels)
        self.attention = CBAM(mid_channels, reduction)
        self.block2 = GroupResBlock(mid_channels, out_channels)

    def forward(self, x, g):
        batch, objects = g.shape[0], g.shape[1]
        x = x.unsqueeze(1).expand(-1, objects, -1, -1, -1)
        g = self.block1(torch.cat([x, g], dim=2))
        r = self.attention(g.flatten(0, 1))
        r = r.view(batch, objects, r.shape[1], r.shape[2], r.shape[3])
        return self.block2(g + r)


def gru_update(values: torch.Tensor, hidden: torch.Tensor, hidden_dim: int) -> torch.Tensor:
    """h' = sigmoid(f) * h * (1 - sigmoid(u)) + sigmoid(u) * tanh(n)."""
    forget = torch.sigmoid(values[:, :, :hidden_dim])
    update = torch.sigmoid(values[:, :, hidden_dim:2 * hidden_dim])
    new_value = torch.tanh(values[:, :, 2 * hidden_dim:])
    return forget * hidden * (1 - update) + update * new_value


class HiddenReinforcer(nn.Module):
    def __init__(self, g_channels: int, hidden_dim: int):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.transform = nn.Conv2d(g_channels + hidden_dim, hidden_dim * 3, 3, padding=1)

    def forward(self, g, hidden):
        values = group_conv(self.transform, torch.cat([g, hidden], dim=2))
        return gru_update(values, hidden, self.hidden_dim)


class HiddenUpdater(nn.Module):
    def __init__(self, g16_channels: int, g8_channels: int, g4_channels: int, mid_channels: int, hidden_dim: int):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.g16_conv = nn.Conv2d(g16_channels, mid_channels, 1)
        self.g8_conv = nn.Conv2d(g8_channels, mid_channels, 1)
        self.g4_conv = nn.Conv2d(g4_channels, mid_channels, 1)
        self.transform = nn.Conv2d(mid_channels + hidden_dim, hidden_dim * 3, 3, padding=1)

    def forward(self, g16, g8, g4, hidden):
        g = (group_conv(self.g16_conv, g16)
             + group_conv(self.g8_conv, area_downsample_groups(g8, 2))
             + group_conv(self.g4_conv, area_downsample_groups(g4, 4)))
        values = group_conv(self.transform, torch.cat([g, hidden], dim=2))
        return gru_update(values, hidden, self.hidden_dim)


class UpsampleBlock(nn.Module):
    def __init__(self, skip_channels: int, up_channels: int, out_channels: int):
        super().__init__()
        self.skip_conv = nn.Conv2d(skip_channels, up_channels, 3, padding=1)
        self.out_conv = GroupResBlock(up_channels, out_channels)

    def forward(self, skip, up_g):
        skip = self.skip_conv(skip)
        g = resize_groups(up_g, 2.0) + skip.unsqueeze(1)
        return self.out_conv(g)
