"""Rebuild MobileNetV2's ImageNet layers (Conv1 .. block_10) from the npm package nsfwjs 4.4.0.

The package ships a Keras MobileNetV2 as two JavaScript files under dist/models/mobilenet_v2/:
model.min.js exports a JS object literal {modelTopology, weightsManifest}; group1-shard1of1.min.js
exports one base64 string holding every parameter as one uint8, tensor after tensor in manifest
order, each dequantised as min + scale * q. Layers up to block_10 are frozen ImageNet weights.

This module parses both files with the standard library only, and builds a torch module that runs
the Keras graph (NCHW) up to a chosen layer.
"""
import base64
import json
import re
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MODEL_DIR = Path("dist/models/mobilenet_v2")


def _exported_literal(text):
    """The JS object or string literal assigned to `<x>.exports=` (the last such assignment)."""
    start = text.rfind(".exports=")
    if start < 0:
        raise ValueError("no '.exports=' assignment found")
    i = start + len(".exports=")
    opener = text[i]
    if opener == '"':
        end = text.index('"', i + 1)
        return text[i:end + 1]
    if opener != "{":
        raise ValueError(f"unexpected literal start {opener!r}")
    depth, j, in_str = 0, i, False
    while True:
        c = text[j]
        if in_str:
            if c == "\\":
                j += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c == "{" or c == "[":
            depth += 1
        elif c == "}" or c == "]":
            depth -= 1
            if depth == 0:
                return text[i:j + 1]
        j += 1


def _js_to_json(literal):
    """Turn a minified JS object literal (unquoted keys, .5 numbers, !0/!1) into JSON text."""
    out = []
    token = re.compile(r'"(?:\\.|[^"\\])*"|!0|!1|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[A-Za-z_$][\w$]*|\s+|.', re.S)
    for m in token.finditer(literal):
        t = m.group(0)
        if t.startswith('"'):
            out.append(t)
        elif t == "!0":
            out.append("true")
        elif t == "!1":
            out.append("false")
        elif re.fullmatch(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", t):
            out.append(re.sub(r"^(-?)\.", r"\g<1>0.", t).rstrip(".") if not t.endswith(".") else t[:-1])
        elif re.fullmatch(r"[A-Za-z_$][\w$]*", t) and literal[m.end():].lstrip().startswith(":"):
            out.append('"' + t + '"')
        else:
            out.append(t)
    return "".join(out)


def load_package(nsfwjs_dir):
    """Return (layers, weights) where weights maps Keras names to float32 arrays."""
    root = Path(nsfwjs_dir)
    if (root / "package").is_dir():
        root = root / "package"
    model_js = root / MODEL_DIR / "model.min.js"
    shard_js = root / MODEL_DIR / "group1-shard1of1.min.js"
    for f in (model_js, shard_js):
        if not f.is_file():
            raise FileNotFoundError(f"{f}: not found; pass the unpacked nsfwjs 4.4.0 package folder")
    model = json.loads(_js_to_json(_exported_literal(model_js.read_text())))
    layers = model["modelTopology"]["model_config"]["config"]["layers"]
    manifest = model["weightsManifest"][0]["weights"]
    raw = np.frombuffer(base64.b64decode(json.loads(_exported_literal(shard_js.read_text()))), np.uint8)
    weights, off = {}, 0
    for w in manifest:
        count = int(np.prod(w["shape"]))
        q = w["quantization"]
        if q["dtype"] != "uint8":
            raise ValueError(f"{shard_js}: unsupported quantisation {q['dtype']} for {w['name']}")
        weights[w["name"]] = (q["min"] + q["scale"] * raw[off:off + count].astype(np.float64)) \
            .astype(np.float32).reshape(w["shape"])
        off += count
    if off != raw.size:
        raise ValueError(f"{shard_js}: {raw.size} bytes but the manifest describes {off}")
    return layers, weights


class _BatchNorm(nn.Module):
    def __init__(self, w, prefix, eps):
        super().__init__()
        scale = w[prefix + "/gamma"] / np.sqrt(w[prefix + "/moving_variance"] + eps)
        shift = w[prefix + "/beta"] - w[prefix + "/moving_mean"] * scale
        self.register_buffer("scale", torch.from_numpy(scale.reshape(1, -1, 1, 1).copy()))
        self.register_buffer("shift", torch.from_numpy(shift.reshape(1, -1, 1, 1).copy()))

    def forward(self, x):
        return x * self.scale + self.shift


class KerasMobileNetV2(nn.Module):
    """The Keras graph from the input up to `last` (inclusive), NCHW, input in [-1, 1]."""

    def __init__(self, layers, weights, last="block_10_project_BN", taps=()):
        super().__init__()
        self.order, self.inputs, self.ops = [], {}, nn.ModuleDict()
        self.pads, self.kinds = {}, {}
        self.taps = list(taps) + [last]
        for layer in layers:
            name, kind, cfg = layer["name"], layer["class_name"], layer["config"]
            if kind == "InputLayer":
                self.input_name = name
                continue
            self.order.append(name)
            self.kinds[name] = kind
            self.inputs[name] = [n[0] for n in layer["inbound_nodes"][0]]
            if kind == "Conv2D" or kind == "DepthwiseConv2D":
                k = cfg["kernel_size"][0]
                stride = cfg["strides"][0]
                pad = k // 2 if cfg["padding"] == "same" else 0
                if cfg["padding"] == "same" and stride != 1:
                    raise ValueError(f"{name}: 'same' padding with stride {stride} is not supported")
                if kind == "Conv2D":
                    kern = weights[name + "/kernel"]  # H W I O
                    conv = nn.Conv2d(kern.shape[2], kern.shape[3], k, stride, pad, bias=cfg["use_bias"])
                    conv.weight.data = torch.from_numpy(kern.transpose(3, 2, 0, 1).copy())
                else:
                    kern = weights[name + "/depthwise_kernel"]  # H W C 1
                    ch = kern.shape[2]
                    conv = nn.Conv2d(ch, ch, k, stride, pad, groups=ch, bias=cfg["use_bias"])
                    conv.weight.data = torch.from_numpy(kern.transpose(2, 3, 0, 1).copy())
                if cfg["use_bias"]:
                    conv.bias.data = torch.from_numpy(weights[name + "/bias"].copy())
                self.ops[name] = conv
            elif kind == "BatchNormalization":
                self.ops[name] = _BatchNorm(weights, name, cfg["epsilon"])
            elif kind == "ZeroPadding2D":
                (top, bottom), (left, right) = cfg["padding"]
                self.pads[name] = (left, right, top, bottom)
            elif kind in ("ReLU", "Add"):
                if kind == "ReLU" and cfg.get("max_value") != 6:
                    raise ValueError(f"{name}: only ReLU6 is supported")
            else:
                raise ValueError(f"{name}: layer type {kind} is not supported")
            if name == last:
                break
        else:
            raise ValueError(f"layer {last} not found")

    def forward(self, x):
        values = {self.input_name: x}
        for name in self.order:
            kind = self.kinds[name]
            args = [values[i] for i in self.inputs[name]]
            if kind == "ZeroPadding2D":
                y = F.pad(args[0], self.pads[name])
            elif kind == "ReLU":
                y = torch.clamp(args[0], 0.0, 6.0)
            elif kind == "Add":
                y = args[0] + args[1]
            else:
                y = self.ops[name](args[0])
            values[name] = y
        return [values[t] for t in self.taps]
