"""Unit tests of the built-in pack's pieces: /usr/bin/python3 onnx/builtin/test_builtin.py"""
import json
import os
import sys
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import graphs  # noqa: E402
import nsfwjs_mobilenet  # noqa: E402


class JsLiteralTest(unittest.TestCase):
    def test_minified_object_literal_becomes_json(self):
        text = 'x.exports=5;h.exports={a:{b:"s:{x}",c:[.5,-.25,1e-3,-2.5e+2,!0,!1,null]},"q":3}'
        parsed = json.loads(nsfwjs_mobilenet._js_to_json(nsfwjs_mobilenet._exported_literal(text)))
        self.assertEqual(parsed, {"a": {"b": "s:{x}", "c": [0.5, -0.25, 0.001, -250.0, True, False, None]}, "q": 3})

    def test_exported_string(self):
        self.assertEqual(nsfwjs_mobilenet._exported_literal('h.exports="QUJD"},{}]'), '"QUJD"')


class GraphTest(unittest.TestCase):
    def test_local_attention_equals_a_brute_force_window_softmax(self):
        torch.manual_seed(1)
        la = graphs.LocalAttention(radius=2, shrink=3.0, channels=4)
        q, k = torch.randn(1, 4, 5, 6), torch.randn(1, 4, 5, 6)
        v = torch.randn(1, 2, 3, 5, 6)
        out = la(q, k, v)
        for y, x in [(0, 0), (2, 3), (4, 5)]:
            logits, vals = [], []
            for dy in range(-2, 3):
                for dx in range(-2, 3):
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < 5 and 0 <= xx < 6:
                        logits.append(-((q[0, :, y, x] - k[0, :, yy, xx]) ** 2).sum() * 3.0 / 2.0)
                        vals.append(v[0, :, :, yy, xx])
            w = torch.softmax(torch.stack(logits), 0)
            expect = sum(wi * vi for wi, vi in zip(w, vals))
            self.assertTrue(torch.allclose(out[0, :, :, y, x], expect, atol=1e-5))

    def test_decoder_returns_the_stored_chroma_and_ignores_the_mass(self):
        H, W = 64, 96
        ab = torch.zeros(1, 2, H, W)
        ab[:, 0, :, :48] = 0.3
        ab[:, 1] = -0.1
        value, _ = graphs.ValueEncoder()(torch.zeros(1, 3, H, W), ab, torch.zeros(1, 1, 4, 6), torch.zeros(1, 2, 1, 4, 6))
        self.assertEqual(tuple(value.shape), (1, 2, graphs.VALUE_CH, 4, 6))
        lum = torch.zeros(1, 16, H // 4, W // 4)
        out, _ = graphs.Decoder(0, 1e-3)(torch.zeros(1, 1, 4, 6), torch.zeros(1, 1, 8, 12), lum,
                                         value * 3.0, torch.zeros(1, 2, 1, 4, 6))
        self.assertAlmostEqual(float(out[0, 0, 10, 10]), 0.3, places=5)
        self.assertAlmostEqual(float(out[0, 0, 10, 80]), 0.0, places=5)
        self.assertTrue(torch.allclose(out[0, 1], torch.full((H, W), -0.1), atol=1e-6))

    def test_stabiliser_keeps_colour_where_lightness_stays_and_lets_go_where_it_changes(self):
        H, W, h, w = 64, 96, 4, 6
        ve, dec = graphs.ValueEncoder(temporal=True), graphs.Decoder(0, 1e-3, beta=0.9, sigma=0.05)
        none = torch.zeros(1, 2, 2 * graphs.SUB ** 2 + 1, h, w)
        lum = torch.zeros(1, 1, H, W)
        ab = torch.full((1, 2, H, W), 0.3)
        image = lum.repeat(1, 3, 1, 1)
        first, _ = ve(image, ab, torch.zeros(1, 1, h, w), none)
        self.assertTrue(torch.allclose(first[:, :, 1:], torch.full_like(first[:, :, 1:], 0.3)), "no state: ab pooled")
        f4 = torch.nn.functional.pixel_unshuffle(lum, 4)
        out1, state = dec(torch.zeros(1, 1, h, w), torch.zeros(1, 1, 8, 12), f4, first, none)
        self.assertAlmostEqual(float(out1[0, 0, 5, 5]), 0.3, places=5)      # no state: readout as is
        opposite, _ = ve(image, -ab, torch.zeros(1, 1, h, w), none)
        moved = lum.clone()
        moved[..., :, 48:] = 0.5                                              # right half changes
        out2, state2 = dec(torch.zeros(1, 1, h, w), torch.zeros(1, 1, 8, 12),
                           torch.nn.functional.pixel_unshuffle(moved, 4), opposite, state)
        self.assertAlmostEqual(float(out2[0, 0, 30, 10]), 0.9 * 0.3 - 0.1 * 0.3, places=4)   # kept
        self.assertAlmostEqual(float(out2[0, 0, 30, 90]), -0.3, places=4)                   # let go
        stored, _ = ve(moved.repeat(1, 3, 1, 1), torch.zeros(1, 2, H, W), torch.zeros(1, 1, h, w), state2)
        half = torch.nn.functional.pixel_shuffle(stored[0, :1, 1:].reshape(1, -1, h, w), graphs.SUB)
        self.assertAlmostEqual(float(half[0, 0, 15, 5]), 0.24, places=4)     # the state, not the given ab
        self.assertAlmostEqual(float(half[0, 0, 15, 45]), -0.3, places=4)

    def test_refiner_follows_the_lightness_edge(self):
        Hf, Wf = 64, 64
        light = torch.zeros(1, 1, Hf, Wf)
        light[..., :, 32:] = 1.0
        ab = (light * 0.4).repeat(1, 2, 1, 1)
        small = torch.nn.functional.interpolate(ab, size=(16, 16), mode="bilinear", align_corners=False)
        full = graphs.Refiner(2, 1e-4)(light, small)
        bilinear = torch.nn.functional.interpolate(small, size=(Hf, Wf), mode="bilinear", align_corners=False)
        err_refined = (full - ab).abs().mean()
        err_bilinear = (bilinear - ab).abs().mean()
        self.assertLess(float(err_refined), 0.5 * float(err_bilinear))


class MobileNetTest(unittest.TestCase):
    @unittest.skipUnless(os.path.isdir(os.environ.get("NSFWJS", "")), "NSFWJS does not name an unpacked nsfwjs package")
    def test_converted_backbone_has_mobilenet_shapes_and_statistics(self):
        layers, weights = nsfwjs_mobilenet.load_package(os.environ["NSFWJS"])
        self.assertEqual(weights["Conv1/kernel"].shape, (3, 3, 3, 32))
        net = nsfwjs_mobilenet.KerasMobileNetV2(layers, weights, taps=["block_5_add"]).eval()
        with torch.no_grad():
            f8, f16 = net(torch.rand(1, 3, 64, 96) * 2 - 1)
        self.assertEqual(tuple(f8.shape), (1, 32, 8, 12))
        self.assertEqual(tuple(f16.shape), (1, 96, 4, 6))
        self.assertTrue(np.isfinite(f16.numpy()).all())
        self.assertGreater(float(f16.std()), 0.1)


if __name__ == "__main__":
    unittest.main()
