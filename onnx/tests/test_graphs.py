import math
import unittest

import torch
import torch.nn.functional as F

from colormnet import FULL, TINY, ColorMNet
from colormnet.dinov2 import DinoVisionTransformer
from colormnet.graphs import GRAPH_NAMES, build_graph_modules, concrete_shape, graph_io
from colormnet.pack import example_inputs
from colormnet.weights import randomize_


def as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


class TinyGraphsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.model = randomize_(ColorMNet(TINY), seed=5).eval()
        cls.graphs = build_graph_modules(cls.model)

    def test_output_shapes_at_non_square_size(self):
        height, width = 224, 336
        inputs = example_inputs(TINY, height, width)
        with torch.no_grad():
            for name in GRAPH_NAMES:
                outputs = as_tuple(self.graphs[name](*inputs[name]))
                declared = graph_io(TINY)[name]["outputs"]
                self.assertEqual(len(outputs), len(declared), name)
                for tensor, (tensor_name, shape) in zip(outputs, declared):
                    with self.subTest(graph=name, output=tensor_name):
                        self.assertEqual(list(tensor.shape), concrete_shape(shape, height, width))
                        self.assertTrue(bool(torch.isfinite(tensor).all()))

    def test_key_encoder_grids_and_ranges(self):
        image = example_inputs(TINY, 224, 336)["key_encoder"][0]
        with torch.no_grad():
            f16, f8, f4, key, shrinkage, selection = self.graphs["key_encoder"](image)
        self.assertEqual(tuple(f16.shape[2:]), (14, 21))
        self.assertEqual(tuple(f4.shape[2:]), (56, 84))
        self.assertGreaterEqual(float(shrinkage.min()), 1.0)
        self.assertTrue(bool(((selection > 0) & (selection < 1)).all()))
        self.assertGreater(float(f16.std()), 1e-2, "random weights should give non-trivial features")

    def test_value_encoder_object_1_sees_b_then_a(self):
        image, ab, f16, hidden = example_inputs(TINY, 224, 224)["value_encoder"]
        with torch.no_grad():
            value, hidden_out = self.graphs["value_encoder"](image, ab, f16, hidden)
            swapped_value, swapped_hidden = self.graphs["value_encoder"](
                image, ab.flip(1), f16, hidden.flip(1))
        torch.testing.assert_close(swapped_value, value.flip(1), rtol=0, atol=1e-5)
        torch.testing.assert_close(swapped_hidden, hidden_out.flip(1), rtol=0, atol=1e-5)
        self.assertFalse(torch.allclose(value[:, 0], value[:, 1]))

    def test_decoder_ab_is_tanh_bounded_and_varied(self):
        inputs = example_inputs(TINY, 224, 336)["decoder"]
        with torch.no_grad():
            ab, hidden_out = self.graphs["decoder"](*inputs)
        self.assertLessEqual(float(ab.abs().max()), 1.0)
        self.assertGreater(float(ab.std()), 0.05)
        self.assertLessEqual(float(hidden_out.abs().max()), float(inputs[4].abs().max()) + 1.0)

    def test_hidden_reinforcer_follows_the_gru_rule(self):
        image, ab, f16, hidden = example_inputs(TINY, 224, 224)["value_encoder"]
        encoder = self.model.value_encoder
        with torch.no_grad():
            value, hidden_out = self.graphs["value_encoder"](image, ab, f16, hidden)
            values = encoder.hidden_reinforce.transform(torch.cat([value, hidden], 2).flatten(0, 1))
            values = values.view(1, 2, -1, *values.shape[-2:])
            ch = TINY.hidden_dim
            forget, update = torch.sigmoid(values[:, :, :ch]), torch.sigmoid(values[:, :, ch:2 * ch])
            expected = forget * hidden * (1 - update) + update * torch.tanh(values[:, :, 2 * ch:])
        torch.testing.assert_close(hidden_out, expected, rtol=0, atol=1e-6)

    def test_local_attention_equals_a_direct_per_pixel_computation(self):
        la = self.model.short_term_attn
        generator = torch.Generator().manual_seed(3)
        h, w, ck, cv = 4, 5, TINY.key_dim, TINY.value_dim
        query = torch.randn(1, ck, h, w, generator=generator)
        memory_key = torch.randn(1, ck, h, w, generator=generator)
        memory_value = torch.randn(1, 2, cv, h, w, generator=generator)
        with torch.no_grad():
            actual = self.graphs["local_attention"](query, memory_key, memory_value)
            relative = la.relative_emb_k(query)[0]
            values = memory_value.reshape(2 * cv, h, w)
            mixed = torch.zeros(2 * cv, h, w)
            radius = TINY.la_radius
            for y in range(h):
                for x in range(w):
                    logits, vectors = [], []
                    for d in range((2 * radius + 1) ** 2):
                        dy, dx = divmod(d, 2 * radius + 1)
                        ky, kx = y + dy - radius, x + dx - radius
                        if 0 <= ky < h and 0 <= kx < w:
                            logit = float(query[0, :, y, x] @ memory_key[0, :, ky, kx]) / math.sqrt(ck)
                            logits.append(logit + float(relative[d, y, x]))
                            vectors.append(values[:, ky, kx])
                    weights = torch.softmax(torch.tensor(logits), 0)
                    mixed[:, y, x] = (torch.stack(vectors, 1) * weights).sum(1)
            mixed = la.dw_conv(mixed[None])
            expected = la.projection(mixed.permute(0, 2, 3, 1)).permute(0, 3, 1, 2).reshape(1, 2, cv, h, w)
        torch.testing.assert_close(actual, expected, rtol=1e-4, atol=1e-4)

    def test_traced_graphs_follow_a_new_frame_size(self):
        """What torch.onnx.export records is a trace: a trace made at one size must give the
        eager result at another, or a size was frozen into the graph."""
        traced_at = example_inputs(TINY, 224, 336, seed=1)
        run_at = example_inputs(TINY, 336, 224, seed=2)
        with torch.no_grad():
            for name in ("key_encoder", "value_encoder", "decoder"):
                traced = torch.jit.trace(self.graphs[name], traced_at[name], check_trace=False)
                for eager, replay in zip(as_tuple(self.graphs[name](*run_at[name])),
                                         as_tuple(traced(*run_at[name]))):
                    with self.subTest(graph=name):
                        self.assertEqual(eager.shape, replay.shape)
                        torch.testing.assert_close(replay, eager, rtol=0, atol=1e-5)


class PositionalEmbeddingTest(unittest.TestCase):
    def test_matches_dinov2_bicubic_interpolation(self):
        vit = DinoVisionTransformer(8, 1, 2, 4, 14, 37)
        torch.nn.init.normal_(vit.pos_embed, std=0.1)
        for height, width in ((448, 448), (560, 896), (224, 336)):
            with self.subTest(size=(height, width)):
                rows, cols = height // 14, width // 14
                grid = vit.pos_embed[:, 1:].reshape(1, 37, 37, 8).permute(0, 3, 1, 2)
                resized = F.interpolate(grid, scale_factor=((rows + 0.1) / 37, (cols + 0.1) / 37), mode="bicubic")
                expected = torch.cat([vit.pos_embed[:, :1], resized.permute(0, 2, 3, 1).reshape(1, -1, 8)], 1)
                torch.testing.assert_close(vit.interpolated_pos_embed(height, width), expected, rtol=0, atol=5e-6)

    def test_training_grid_is_used_unchanged(self):
        vit = DinoVisionTransformer(8, 1, 2, 4, 14, 37)
        torch.nn.init.normal_(vit.pos_embed)
        self.assertTrue(torch.equal(vit.interpolated_pos_embed(518, 518), vit.pos_embed))


class FullSizeTest(unittest.TestCase):
    def test_full_architecture_at_448(self):
        torch.set_num_threads(2)
        model = ColorMNet(FULL).eval()
        graphs = build_graph_modules(model)
        inputs = example_inputs(FULL, 448, 448)
        with torch.no_grad():
            for name in GRAPH_NAMES:
                outputs = as_tuple(graphs[name](*inputs[name]))
                for tensor, (tensor_name, shape) in zip(outputs, graph_io(FULL)[name]["outputs"]):
                    with self.subTest(graph=name, output=tensor_name):
                        self.assertEqual(list(tensor.shape), concrete_shape(shape, 448, 448))
                        self.assertTrue(bool(torch.isfinite(tensor).all()))


if __name__ == "__main__":
    unittest.main()
