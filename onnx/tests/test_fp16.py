import unittest

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from packtools.fp16 import convert_model


def small_model():
    weight = numpy_helper.from_array(np.ones((4, 3, 3, 3), np.float32), "w")
    bias = numpy_helper.from_array(np.zeros(4, np.float32), "b")
    proj = numpy_helper.from_array(np.ones((5, 5), np.float32), "proj")
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["y"], pads=[1, 1, 1, 1]),
        helper.make_node("Reshape", ["y", "shape"], ["flat"]),
        helper.make_node("MatMul", ["flat", "flat_t"], ["scores"]),
        helper.make_node("Softmax", ["scores"], ["attn"], axis=-1),
        helper.make_node("MatMul", ["attn", "proj"], ["out"]),
    ]
    graph = helper.make_graph(
        nodes, "small",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 5, 5]),
         helper.make_tensor_value_info("shape", TensorProto.INT64, [2]),
         helper.make_tensor_value_info("flat_t", TensorProto.FLOAT, [5, 5])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [5, 5])],
        [weight, bias, proj])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


class Fp16Test(unittest.TestCase):
    def test_weighted_products_run_in_fp16_and_the_rest_in_fp32(self):
        model = convert_model(small_model())
        onnx.checker.check_model(model, full_check=True)
        types = {init.name: init.data_type for init in model.graph.initializer}
        self.assertEqual(types, {"w": TensorProto.FLOAT16, "b": TensorProto.FLOAT16, "proj": TensorProto.FLOAT16})
        ops = [(node.op_type, tuple(node.input)) for node in model.graph.node]
        self.assertIn(("Softmax", ("scores",)), ops, "softmax untouched, fp32")
        self.assertIn(("MatMul", ("flat", "flat_t")), ops, "the product of two activations (an affinity) stays fp32")
        casts = [node for node in model.graph.node if node.op_type == "Cast"]
        self.assertEqual(4, len(casts), "in and out of the conv and of the weighted MatMul")
        self.assertEqual(TensorProto.FLOAT, model.graph.output[0].type.tensor_type.elem_type)
        self.assertEqual(["out"], [node.output[0] for node in model.graph.node if node.output[0] == "out"])


if __name__ == "__main__":
    unittest.main()
