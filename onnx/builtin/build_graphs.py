"""Build the built-in pack's torch graphs and manifest numbers from the nsfwjs package."""
import os
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import external  # noqa: E402
import graphs  # noqa: E402
import nsfwjs_mobilenet  # noqa: E402

PCA_PHOTOS = ("astronaut.png", "coffee.png", "chelsea.png")

DEFAULTS = dict(nsfwjs=None, k_sem=16, w_sem=0.3, w_app=1.0, w_pos=0.1, sharpness=1000.0,
                dec_radius=0, dec_eps=1e-3, ref_radius=0, ref_eps=1e-3, la=False, la_radius=7,
                top_k=30, mem_every=5, min_mid=3, max_mid=6, protos=128, max_ltm=2000, max_area=320 * 240,
                steady_beta=0.95, steady_sigma=0.1, smooth=1, smooth_weight=0.5,
                flow_preset="medium", flow_max_area=102400, flow_consistency_px=1.5, flow_chain_decay=0.98,
                flow_readout_confidence=0.2, flow_lightness_tolerance=3.0)


def _read_rgb(path):
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                            "stream=width,height", "-of", "csv=p=0", path], capture_output=True, text=True, check=True)
    w, h = (int(v) for v in probe.stdout.strip().split(",")[:2])
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24",
                          "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(h, w, 3)


def lightness(rgb8):
    """CIE L* of sRGB (D65), as scikit-image computes it."""
    c = rgb8.astype(np.float64) / 255.0
    c = np.where(c > 0.04045, ((c + 0.055) / 1.055) ** 2.4, c / 12.92)
    y = c @ np.array([0.212671, 0.715160, 0.072169])
    f = np.where(y > 0.008856, np.cbrt(y), 7.787 * y + 16.0 / 116.0)
    return 116.0 * f - 16.0


def _photo_gray(path):
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: photo for the key projection not found (see onnx/builtin/SOURCES.md)")
    L = lightness(_read_rgb(path)).astype(np.float32)
    h, w = (L.shape[0] // 16) * 16, (L.shape[1] // 16) * 16
    L = torch.from_numpy((L[:h, :w] - 50) / 50)[None, None]
    return L.repeat(1, 3, 1, 1)


def semantic_basis(backbone, k, photos_dir):
    feats = []
    with torch.no_grad():
        for p in PCA_PHOTOS:
            (f,) = backbone(_photo_gray(os.path.join(photos_dir, p)))
            feats.append(f[0].reshape(f.shape[1], -1).t())
    x = torch.cat(feats).double()
    mean = x.mean(0)
    _, _, v = torch.linalg.svd(x - mean, full_matrices=False)
    return mean.float(), v[:k].float()


_cache = {}


def build(opts, photos_dir):
    """The torch graphs and manifest numbers; photos_dir holds the PCA photographs (PCA_PHOTOS)."""
    o = dict(DEFAULTS, **(opts or {}))
    o["nsfwjs"] = external.nsfwjs_folder(o["nsfwjs"])
    key = (o["nsfwjs"], o["k_sem"])
    if key not in _cache:
        layers, weights = nsfwjs_mobilenet.load_package(o["nsfwjs"])
        backbone = nsfwjs_mobilenet.KerasMobileNetV2(layers, weights).eval()
        for prm in backbone.parameters():
            prm.requires_grad_(False)
        mean, basis = semantic_basis(backbone, o["k_sem"], photos_dir)
        _cache[key] = (backbone, mean, basis)
    backbone, mean, basis = _cache[key]
    ck = o["k_sem"] + graphs.THUMB * graphs.THUMB + 2
    shrink = o["sharpness"] * np.sqrt(ck)
    g = dict(key_encoder=graphs.KeyEncoder(backbone, basis, mean, o["w_sem"], o["w_app"], o["w_pos"], shrink).eval(),
             value_encoder=graphs.ValueEncoder(o["steady_beta"] > 0).eval(),
             decoder=graphs.Decoder(o["dec_radius"], o["dec_eps"], o["steady_beta"], o["steady_sigma"],
                                   o["smooth"], o["smooth_weight"]).eval(),
             local_attention=graphs.LocalAttention(o["la_radius"], shrink, ck).eval(),
             refiner=graphs.Refiner(o["ref_radius"], o["ref_eps"]).eval())
    cfg = dict(padding_multiple=32,
               normalisation=dict(lightness_offset=50.0, lightness_scale=50.0, chroma_scale=110.0),
               strides=dict(f16=16, f8=8, f4=4),
               channels=dict(objects=2, key=ck, value=graphs.VALUE_CH,
                             hidden=2 * graphs.SUB * graphs.SUB + 1 if o["steady_beta"] > 0 else 1, f16=1, f8=1,
                             f4=16),
               memory=dict(top_k=o["top_k"], mem_every=o["mem_every"], min_mid_term_frames=o["min_mid"],
                           max_mid_term_frames=o["max_mid"], num_prototypes=o["protos"],
                           max_long_term_elements=o["max_ltm"],
                           deep_update=not o["steady_beta"] > 0),
               local_attention=dict(enabled=o["la"], radius=o["la_radius"]),
               inference=dict(max_area=o["max_area"]))
    if o["flow_preset"] != "none":
        # the engine's optical-flow stage around the graphs (decision record 0602)
        cfg["flow"] = dict(preset=o["flow_preset"], max_area=o["flow_max_area"], consistency_px=o["flow_consistency_px"],
                           chain_decay=o["flow_chain_decay"], readout_confidence=o["flow_readout_confidence"],
                           lightness_tolerance=o["flow_lightness_tolerance"])
    return g, cfg
