import contextlib
import hashlib
import io
import json
import tempfile
import unittest
from pathlib import Path

import onnx
import torch

import export_colormnet
from colormnet import TINY, ColorMNet
from colormnet.graphs import GRAPH_NAMES
from colormnet.weights import randomize_


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_exporter(*argv) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = export_colormnet.main([str(a) for a in argv])
    run_exporter.last_stderr = err.getvalue()
    return code


class TinyPackExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root = Path(cls.tmp.name)
        cls.pack = cls.root / "pack"
        cls.weights = cls.root / "weights.pt"
        code = run_exporter("--random-init", 11, "--config", "tiny", "--out", cls.pack,
                            "--save-state-dict", cls.weights)
        assert code == 0, run_exporter.last_stderr
        cls.manifest = json.loads((cls.pack / "pack.json").read_text(encoding="utf-8"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_manifest_header_and_numbers(self):
        m = self.manifest
        self.assertEqual(m["format"], "nitrate-pack/1")
        self.assertEqual(m["opset"], 17)
        self.assertEqual(m["version"], "random-11")
        self.assertEqual(m["padding_multiple"], 112)
        self.assertEqual(m["normalisation"], {"lightness_offset": 50.0, "lightness_scale": 50.0, "chroma_scale": 110.0})
        self.assertEqual(m["strides"], {"f16": 16, "f8": 8, "f4": 4})
        self.assertEqual(m["channels"], {"objects": 2, "key": TINY.key_dim, "value": TINY.value_dim,
                                         "hidden": TINY.hidden_dim, "f16": TINY.f16_channels,
                                         "f8": TINY.f8_channels, "f4": TINY.f4_channels})
        self.assertEqual(m["memory"]["top_k"], 30)
        self.assertEqual(m["memory"]["max_long_term_elements"], 10000)
        self.assertEqual(m["local_attention"], {"enabled": True, "radius": 7})
        self.assertIsNone(m["inference"]["max_area"])
        self.assertEqual(sorted(m["graphs"]), sorted(GRAPH_NAMES))

    def test_graph_files_match_the_manifest(self):
        for name, entry in self.manifest["graphs"].items():
            with self.subTest(graph=name):
                path = self.pack / entry["file"]
                self.assertEqual(entry["sha256"], sha256(path))
                model = onnx.load(str(path))
                onnx.checker.check_model(model)
                self.assertEqual([o.version for o in model.opset_import if o.domain in ("", "ai.onnx")], [17])
                for declared, actual in ((entry["inputs"], model.graph.input), (entry["outputs"], model.graph.output)):
                    self.assertEqual([d["name"] for d in declared], [v.name for v in actual])
                    for d, v in zip(declared, actual):
                        dims = [x.dim_param if x.dim_param else x.dim_value for x in v.type.tensor_type.shape.dim]
                        self.assertEqual(dims, d["shape"], d["name"])

    def test_frame_axes_are_dynamic(self):
        image = self.manifest["graphs"]["key_encoder"]["inputs"][0]
        self.assertEqual(image, {"name": "image", "shape": [1, 3, "H", "W"]})
        memory_value = self.manifest["graphs"]["local_attention"]["inputs"][2]
        self.assertEqual(memory_value["shape"], [1, 2, TINY.value_dim, "h", "w"])

    def test_saved_weights_reload_strictly_and_equal_a_fresh_seeded_init(self):
        saved = torch.load(self.weights)
        model = ColorMNet(TINY)
        model.load_state_dict(saved, strict=True)
        again = randomize_(ColorMNet(TINY), 11).state_dict()
        for key, tensor in saved.items():
            self.assertTrue(torch.equal(tensor, again[key]), key)
        other_seed = randomize_(ColorMNet(TINY), 12).state_dict()
        self.assertFalse(torch.equal(saved["decoder.pred.weight"], other_seed["decoder.pred.weight"]))

    def test_checkpoint_export_of_the_same_weights_gives_the_same_graphs(self):
        out = self.root / "from-checkpoint"
        checkpoint = self.root / "colormnet_tiny_154000.pth"
        torch.save(torch.load(self.weights), checkpoint)
        self.assertEqual(run_exporter("--checkpoint", checkpoint, "--config", "tiny", "--out", out), 0,
                         run_exporter.last_stderr)
        manifest = json.loads((out / "pack.json").read_text(encoding="utf-8"))
        self.assertEqual(manifest["licence"], "CC BY-NC-SA 4.0")
        self.assertEqual(manifest["version"], "154000")
        for name in GRAPH_NAMES:
            self.assertEqual(manifest["graphs"][name]["sha256"], self.manifest["graphs"][name]["sha256"], name)

    def test_checkpoint_of_another_architecture_is_refused(self):
        self.assertEqual(run_exporter("--checkpoint", self.weights, "--out", self.root / "refused"), 2)
        self.assertIn("weights.pt", run_exporter.last_stderr)
        self.assertFalse((self.root / "refused" / "pack.json").exists())

    def test_existing_outputs_are_refused_and_left_unchanged(self):
        folder = self.root / "user-folder"
        folder.mkdir()
        (folder / "notes.txt").write_text("scans 1-40", encoding="utf-8")
        (folder / "decoder.onnx").write_bytes(b"user's own file")
        before = {p.name: sha256(p) for p in folder.iterdir()}
        for extra in ((), ("--overwrite",)):
            self.assertEqual(run_exporter("--random-init", 11, "--config", "tiny", "--out", folder, *extra), 2)
            self.assertIn("notes.txt", run_exporter.last_stderr)
            self.assertEqual(len(run_exporter.last_stderr.strip().splitlines()), 1, run_exporter.last_stderr)
        self.assertEqual({p.name: sha256(p) for p in folder.iterdir()}, before)

        self.assertEqual(run_exporter("--random-init", 11, "--config", "tiny", "--out", self.pack), 2)
        self.assertIn("--overwrite", run_exporter.last_stderr)
        self.assertEqual(run_exporter("--random-init", 11, "--config", "tiny", "--out", self.root / "p2",
                                      "--save-state-dict", self.weights), 2)
        self.assertIn("exists", run_exporter.last_stderr)
        self.assertFalse((self.root / "p2").exists())

        checkpoint_home = self.root / "checkpoint-home"
        checkpoint_home.mkdir()
        checkpoint = checkpoint_home / "colormnet_tiny_1.pth"
        torch.save(torch.load(self.weights), checkpoint)
        self.assertEqual(run_exporter("--checkpoint", checkpoint, "--config", "tiny", "--out", checkpoint), 2)
        self.assertEqual(run_exporter("--checkpoint", checkpoint, "--config", "tiny", "--out", checkpoint_home,
                                      "--overwrite"), 2)
        self.assertEqual(sorted(p.name for p in checkpoint_home.iterdir()), ["colormnet_tiny_1.pth"])

    def test_overwrite_replaces_a_pack_the_exporter_wrote(self):
        out = self.root / "rewritten"
        self.assertEqual(run_exporter("--random-init", 11, "--config", "tiny", "--out", out), 0, run_exporter.last_stderr)
        self.assertEqual(run_exporter("--random-init", 11, "--config", "tiny", "--out", out, "--overwrite"), 0,
                         run_exporter.last_stderr)
        manifest = json.loads((out / "pack.json").read_text(encoding="utf-8"))
        self.assertEqual(manifest["graphs"]["decoder"]["sha256"], self.manifest["graphs"]["decoder"]["sha256"])


if __name__ == "__main__":
    unittest.main()
