#!/usr/bin/python3
"""Writes the engine's weight-free memory kernels as ONNX graphs.

memory_readout.onnx (per frame, top-k):
  memory_key [N, CK], memory_shrinkage [N, 1], memory_value [N, C],
  query_key [CK, M], query_selection [CK, M], top_k int64 [1], usage_in [N]
  -> readout [C, M], usage [N] (usage_in plus the attention mass of these queries, added in query order,
     so that running the queries in blocks, each block's usage fed to the next, gives the same bits),
     top_weight [M] (each query's largest softmax weight over its top k: the engine's readout confidence,
     docs/confidence.md; a side branch that leaves readout and usage as they were)
memory_readout_dense.onnx (consolidation: softmax over all N, no top-k):
  same inputs without top_k -> readout [C, M], shrinkage_readout [1, M]

Similarity (anisotropic L2): sim[m, n] = -sum_c sel[c, m] (k[n, c] - q[c, m])^2 * s[n] / sqrt(CK),
expanded as one matrix product A[M, 2CK+1] @ B[2CK+1, N] with
A = [sel^T, (sel*q)^T, sum_c sel q^2] and B = [-(k^2)^T, 2 k^T, -1] * s / sqrt(CK).
Usage of a memory element is the attention mass it receives, summed over the queries.

Usage: /usr/bin/python3 onnx/kernels/make_kernels.py [OUT_DIR]
"""
import os
import sys

import onnx
from onnx import TensorProto, helper

OPSET = 17
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'main', 'resources',
                           'dev', 'nitrate', 'engine', 'kernels')


def const_i64(name, values):
    return helper.make_node('Constant', [], [name], value=helper.make_tensor(name + '_v', TensorProto.INT64, [len(values)], values))


def const_f(name, value):
    return helper.make_node('Constant', [], [name], value=helper.make_tensor(name + '_v', TensorProto.FLOAT, [], [value]))


def similarity_nodes():
    """Nodes computing 'sim' [M, N] from the common inputs."""
    n = []
    # B side: [2CK+1, N]
    n.append(helper.make_node('Transpose', ['memory_key'], ['k_t'], perm=[1, 0]))           # [CK, N]
    n.append(helper.make_node('Mul', ['k_t', 'k_t'], ['k_sq_t']))
    n.append(helper.make_node('Neg', ['k_sq_t'], ['neg_k_sq_t']))
    n.append(const_f('two', 2.0))
    n.append(helper.make_node('Mul', ['k_t', 'two'], ['two_k_t']))
    n.append(helper.make_node('Transpose', ['memory_shrinkage'], ['s_t'], perm=[1, 0]))    # [1, N]
    n.append(helper.make_node('Shape', ['s_t'], ['s_t_shape']))
    n.append(helper.make_node('ConstantOfShape', ['s_t_shape'], ['minus_one_row'],
                              value=helper.make_tensor('m1', TensorProto.FLOAT, [1], [-1.0])))  # [1, N]
    n.append(helper.make_node('Concat', ['neg_k_sq_t', 'two_k_t', 'minus_one_row'], ['b_raw'], axis=0))
    n.append(helper.make_node('Shape', ['query_key'], ['q_shape']))
    n.append(helper.make_node('Gather', ['q_shape', 'zero_idx'], ['ck_i64'], axis=0))
    n.append(const_i64('zero_idx', [0]))
    n.append(helper.make_node('Cast', ['ck_i64'], ['ck_f'], to=TensorProto.FLOAT))
    n.append(helper.make_node('Sqrt', ['ck_f'], ['sqrt_ck']))                                # [1]
    n.append(helper.make_node('Div', ['s_t', 'sqrt_ck'], ['s_scaled']))
    n.append(helper.make_node('Mul', ['b_raw', 's_scaled'], ['b_side']))
    # A side: [M, 2CK+1]
    n.append(helper.make_node('Mul', ['query_selection', 'query_key'], ['sel_q']))          # [CK, M]
    n.append(helper.make_node('Mul', ['sel_q', 'query_key'], ['sel_q_sq']))
    n.append(helper.make_node('ReduceSum', ['sel_q_sq', 'zero_idx'], ['b_sq'], keepdims=1))  # [1, M]
    n.append(helper.make_node('Concat', ['query_selection', 'sel_q', 'b_sq'], ['a_t'], axis=0))
    n.append(helper.make_node('Transpose', ['a_t'], ['a_side'], perm=[1, 0]))
    n.append(helper.make_node('MatMul', ['a_side', 'b_side'], ['sim']))                      # [M, N]
    return n


def common_inputs():
    return [
        helper.make_tensor_value_info('memory_key', TensorProto.FLOAT, ['N', 'CK']),
        helper.make_tensor_value_info('memory_shrinkage', TensorProto.FLOAT, ['N', 1]),
        helper.make_tensor_value_info('memory_value', TensorProto.FLOAT, ['N', 'C']),
        helper.make_tensor_value_info('query_key', TensorProto.FLOAT, ['CK', 'M']),
        helper.make_tensor_value_info('query_selection', TensorProto.FLOAT, ['CK', 'M']),
    ]


def topk_readout():
    n = similarity_nodes()
    n.append(helper.make_node('TopK', ['sim', 'top_k'], ['top_sim', 'top_idx'], axis=-1, largest=1, sorted=1))
    n.append(helper.make_node('Softmax', ['top_sim'], ['weights'], axis=-1))                 # [M, k]
    n.append(helper.make_node('Gather', ['memory_value', 'top_idx'], ['picked'], axis=0))     # [M, k, C]
    n.append(helper.make_node('Unsqueeze', ['weights', 'one_idx'], ['weights_row']))         # [M, 1, k]
    n.append(const_i64('one_idx', [1]))
    n.append(helper.make_node('MatMul', ['weights_row', 'picked'], ['readout_m1c']))         # [M, 1, C]
    n.append(helper.make_node('Squeeze', ['readout_m1c', 'one_idx'], ['readout_mc']))
    n.append(helper.make_node('Transpose', ['readout_mc'], ['readout'], perm=[1, 0]))
    # usage: scatter-add the weights onto the memory elements, onto the usage so far
    n.append(const_i64('flat_shape', [-1]))
    n.append(helper.make_node('Reshape', ['top_idx', 'flat_shape'], ['flat_idx']))
    n.append(helper.make_node('Reshape', ['weights', 'flat_shape'], ['flat_w']))
    n.append(helper.make_node('ScatterElements', ['usage_in', 'flat_idx', 'flat_w'], ['usage'], axis=0, reduction='add'))
    n.append(helper.make_node('ReduceMax', ['weights'], ['top_weight'], axes=[-1], keepdims=0))
    inputs = common_inputs() + [helper.make_tensor_value_info('top_k', TensorProto.INT64, [1]),
                                helper.make_tensor_value_info('usage_in', TensorProto.FLOAT, ['N'])]
    outputs = [helper.make_tensor_value_info('readout', TensorProto.FLOAT, ['C', 'M']),
               helper.make_tensor_value_info('usage', TensorProto.FLOAT, ['N']),
               helper.make_tensor_value_info('top_weight', TensorProto.FLOAT, ['M'])]
    return finish(n, 'memory_readout', inputs, outputs)


def dense_readout():
    n = similarity_nodes()
    n.append(helper.make_node('Softmax', ['sim'], ['affinity'], axis=-1))                    # [M, N]
    n.append(helper.make_node('MatMul', ['affinity', 'memory_value'], ['readout_mc']))
    n.append(helper.make_node('Transpose', ['readout_mc'], ['readout'], perm=[1, 0]))
    n.append(helper.make_node('MatMul', ['affinity', 'memory_shrinkage'], ['shrink_m1']))
    n.append(helper.make_node('Transpose', ['shrink_m1'], ['shrinkage_readout'], perm=[1, 0]))
    outputs = [helper.make_tensor_value_info('readout', TensorProto.FLOAT, ['C', 'M']),
               helper.make_tensor_value_info('shrinkage_readout', TensorProto.FLOAT, [1, 'M'])]
    return finish(n, 'memory_readout_dense', common_inputs(), outputs)


def linear_transposed():
    """y [D, P] = (x [P, C] @ weight [C, D] + bias [D])^T: the dense tail of the engine's local attention."""
    n = [helper.make_node('MatMul', ['x', 'weight'], ['xw']),
         helper.make_node('Add', ['xw', 'bias'], ['xwb']),
         helper.make_node('Transpose', ['xwb'], ['y'], perm=[1, 0])]
    inputs = [helper.make_tensor_value_info('x', TensorProto.FLOAT, ['P', 'C']),
              helper.make_tensor_value_info('weight', TensorProto.FLOAT, ['C', 'D']),
              helper.make_tensor_value_info('bias', TensorProto.FLOAT, ['D'])]
    outputs = [helper.make_tensor_value_info('y', TensorProto.FLOAT, ['D', 'P'])]
    return finish(n, 'linear_transposed', inputs, outputs)


def finish(nodes, name, inputs, outputs):
    # constants first so that the node list is topologically sorted
    nodes = [x for x in nodes if x.op_type == 'Constant'] + [x for x in nodes if x.op_type != 'Constant']
    graph = helper.make_graph(nodes, name, inputs, outputs)
    model = helper.make_model(graph, producer_name='nitrate-kernels', opset_imports=[helper.make_opsetid('', OPSET)])
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(out, exist_ok=True)
    for model in (topk_readout(), dense_readout(), linear_transposed()):
        path = os.path.join(out, model.graph.name + '.onnx')
        onnx.save(model, path)
        print('wrote', os.path.normpath(path), os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
