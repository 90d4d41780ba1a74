"""Mixed-precision (fp16) variants of a pack's graphs, with the policy of PyTorch's CUDA autocast.

Every Conv, ConvTranspose, MatMul and Gemm that has a weight (an initializer operand) runs in fp16: its
weights are stored in fp16, its activations are cast to fp16 on the way in and back to fp32 on the way out.
Everything else stays fp32: softmax, normalisations, the attention products of two activations (q k^T and
the weighted sum: the affinities), the memory readout (the engine's own kernels, which this does not touch),
resizes and all shape arithmetic. Graph inputs and outputs keep their fp32 types, so the engine runs an fp16
pack exactly as it runs the fp32 one.

    /usr/bin/python3 onnx/packtools/fp16.py SRC_PACK DST_PACK
"""
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HALF_OPS = {"Conv", "ConvTranspose", "MatMul", "Gemm"}
# local attention stays fp32: it is small, and the engine reads its weights to run it on its own window path
FP32_GRAPHS = {"local_attention"}


def convert_model(model: onnx.ModelProto) -> onnx.ModelProto:
    graph = model.graph
    initializers = {init.name: init for init in graph.initializer}
    users = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)

    def weighted(node):
        return node.op_type in HALF_OPS and any(
            name in initializers and initializers[name].data_type == TensorProto.FLOAT for name in node.input)

    half_nodes = {id(node) for node in graph.node if weighted(node)}
    half_names = {}
    new_nodes = []
    for node in graph.node:
        if id(node) not in half_nodes:
            new_nodes.append(node)
            continue
        inputs = []
        for name in node.input:
            if name == "":
                inputs.append(name)
            elif name in initializers and initializers[name].data_type == TensorProto.FLOAT:
                only_half_users = all(id(user) in half_nodes for user in users.get(name, []))
                half_name = name if only_half_users else name + "__fp16"
                if half_name not in half_names:
                    values = numpy_helper.to_array(initializers[name]).astype(np.float16)
                    half = numpy_helper.from_array(values, half_name)
                    if only_half_users:
                        initializers[name].CopyFrom(half)
                    else:
                        graph.initializer.append(half)
                    half_names[half_name] = half_name
                inputs.append(half_name)
            else:
                cast_name = name + "__to_fp16"
                if cast_name not in half_names:
                    new_nodes.append(helper.make_node("Cast", [name], [cast_name], to=TensorProto.FLOAT16,
                                                      name=cast_name))
                    half_names[cast_name] = cast_name
                inputs.append(cast_name)
        outputs = [name + "__fp16_out" if name else name for name in node.output]
        half_node = helper.make_node(node.op_type, inputs, outputs, name=(node.name or outputs[0]) + "__fp16",
                                     domain=node.domain or None)
        half_node.attribute.extend(node.attribute)
        new_nodes.append(half_node)
        for original, produced in zip(node.output, outputs):
            if original:
                new_nodes.append(helper.make_node("Cast", [produced], [original], to=TensorProto.FLOAT,
                                                  name=original + "__to_fp32"))
    del graph.node[:]
    graph.node.extend(new_nodes)
    return model


def convert_pack(source: Path, target: Path, log=print) -> None:
    """Writes target as source with every graph in mixed precision; pack.json gets new checksums and a name."""
    if target.exists() and any(target.iterdir()):
        raise ValueError(f"{target} is not empty; choose a new folder")
    target.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((source / "pack.json").read_text())
    from packtools.writer import sha256_of
    for name, entry in manifest["graphs"].items():
        if name in FP32_GRAPHS:
            shutil.copy2(source / entry["file"], target / entry["file"])
            continue
        model = onnx.load(str(source / entry["file"]))
        converted = convert_model(model)
        onnx.save(converted, str(target / entry["file"]))
        entry["sha256"] = sha256_of(target / entry["file"])
        log(f"{name}: {(source / entry['file']).stat().st_size / 1e6:.1f} MB -> "
            f"{(target / entry['file']).stat().st_size / 1e6:.1f} MB")
    manifest["name"] = manifest["name"] + " (fp16)"
    manifest["source"] = manifest.get("source", "") + "; weighted convolutions and matrix products in fp16 (onnx/packtools/fp16.py)"
    (target / "pack.json").write_text(json.dumps(manifest, indent=2) + "\n")
    for extra in source.iterdir():
        if extra.name != "pack.json" and extra.name not in {e["file"] for e in manifest["graphs"].values()}:
            if extra.is_file():
                shutil.copy2(extra, target / extra.name)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        convert_pack(Path(sys.argv[1]), Path(sys.argv[2]))
    except (ValueError, FileNotFoundError) as error:
        print(f"fp16: {error}", file=sys.stderr)
        sys.exit(2)
