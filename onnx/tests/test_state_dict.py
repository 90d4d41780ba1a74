import tempfile
import unittest
from pathlib import Path

import torch

from colormnet import FULL, TINY, ColorMNet
from colormnet.weights import load_checkpoint

OFFICIAL = Path(__file__).resolve().parents[1] / "colormnet" / "official_state_dict.tsv"


def official_entries():
    entries = {}
    for line in OFFICIAL.read_text(encoding="utf-8").splitlines():
        key, shape, dtype = line.split("\t")
        entries[key] = (shape, dtype)
    return entries


def state_dict_from_official_shapes(seed: int = 0):
    generator = torch.Generator().manual_seed(seed)
    state = {}
    for key, (shape, dtype) in official_entries().items():
        dims = [int(d) for d in shape.split("x")] if shape else []
        if dtype == "torch.int64":
            state[key] = torch.tensor(154000, dtype=torch.int64).reshape(dims)
        else:
            state[key] = torch.rand(dims, generator=generator) + 0.5
    return state


class OfficialKeySetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = ColorMNet(FULL)

    def test_official_list_has_667_keys(self):
        self.assertEqual(len(official_entries()), 667)

    def test_key_set_equals_official(self):
        ours = set(self.model.state_dict())
        official = set(official_entries())
        self.assertEqual(sorted(official - ours), [], "keys of the checkpoint our model lacks")
        self.assertEqual(sorted(ours - official), [], "keys our model has that the checkpoint lacks")

    def test_every_shape_and_dtype_equals_official(self):
        official = official_entries()
        for key, tensor in self.model.state_dict().items():
            with self.subTest(key=key):
                self.assertEqual("x".join(map(str, tensor.shape)),
                                 official[key][0])
                self.assertEqual(str(tensor.dtype), official[key][1])

    def test_parameter_count_is_123_6_million(self):
        count = sum(p.numel() for p in self.model.parameters())
        self.assertAlmostEqual(count / 1e6, 123.6, delta=0.05)

    def test_strict_load_of_official_shaped_state_dict(self):
        state = state_dict_from_official_shapes()
        self.model.load_state_dict(state, strict=True)
        loaded = self.model.state_dict()
        for key in ("key_encoder.network2.backbone.pos_embed", "short_term_attn.projection.weight",
                    "decoder.pred.bias", "value_encoder.bn1.running_var"):
            self.assertTrue(torch.equal(loaded[key], state[key]), key)

    def test_mismatching_checkpoint_is_refused_with_the_file_named(self):
        state = state_dict_from_official_shapes()
        del state["decoder.pred.bias"]
        state["decoder.pred.weight"] = torch.zeros(2, 256, 3, 3)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "broken.pth"
            torch.save({k: v for k, v in state.items() if k.startswith("decoder.")}, path)
            with self.assertRaises(ValueError) as raised:
                load_checkpoint(ColorMNet(TINY), path)
        self.assertIn("broken.pth", str(raised.exception))
        self.assertIn("decoder.pred.bias", str(raised.exception))

    def test_checkpoint_file_round_trip_with_module_prefix(self):
        source = ColorMNet(TINY)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "tiny.pth"
            torch.save({"module." + k: v for k, v in source.state_dict().items()}, path)
            model = load_checkpoint(ColorMNet(TINY), path)
        self.assertFalse(model.training)
        for key, tensor in source.state_dict().items():
            self.assertTrue(torch.equal(model.state_dict()[key], tensor), key)

    def test_missing_checkpoint_is_refused(self):
        with self.assertRaises(FileNotFoundError):
            load_checkpoint(ColorMNet(TINY), Path("/nonexistent/colormnet.pth"))


class TinyConfigTest(unittest.TestCase):
    def test_tiny_has_the_same_key_names_with_fewer_blocks(self):
        full = set(ColorMNet(FULL).state_dict())
        tiny = set(ColorMNet(TINY).state_dict())
        self.assertTrue(tiny < full)

    def test_tiny_is_small(self):
        count = sum(p.numel() for p in ColorMNet(TINY).parameters())
        self.assertLess(count, 400_000)


if __name__ == "__main__":
    unittest.main()
