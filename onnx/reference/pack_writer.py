"""Writes a nitrate-pack/1 folder (docs/model-pack-format.md) from graph modules.

The modules follow the pack's graph contract: forward arguments in the order of the inputs below,
outputs a tuple in the order of the outputs below (a single tensor for one output).
"""
import hashlib
import json
import os

import torch

OPSET = 17

INPUTS = {
    'key_encoder': ['image'],
    'value_encoder': ['image', 'ab', 'f16', 'hidden'],
    'decoder': ['f16', 'f8', 'f4', 'readout', 'hidden'],
    'local_attention': ['query_key', 'memory_key', 'memory_value'],
}
OUTPUTS = {
    'key_encoder': ['f16', 'f8', 'f4', 'key', 'shrinkage', 'selection'],
    'value_encoder': ['value', 'hidden_out'],
    'decoder': ['ab', 'hidden_out'],
    'local_attention': ['attention'],
}


def shapes(ch):
    """Symbolic shapes of every tensor, by name, for the channel counts ch."""
    o = ch['objects']
    return {
        'image': [1, 3, 'H', 'W'], 'ab': [1, 2, 'H', 'W'],
        'f16': [1, ch['f16'], 'h', 'w'], 'f8': [1, ch['f8'], 'H/8', 'W/8'], 'f4': [1, ch['f4'], 'H/4', 'W/4'],
        'key': [1, ch['key'], 'h', 'w'], 'shrinkage': [1, 1, 'h', 'w'], 'selection': [1, ch['key'], 'h', 'w'],
        'value': [1, o, ch['value'], 'h', 'w'], 'hidden': [1, o, ch['hidden'], 'h', 'w'],
        'hidden_out': [1, o, ch['hidden'], 'h', 'w'], 'readout': [1, o, ch['value'], 'h', 'w'],
        'query_key': [1, ch['key'], 'h', 'w'], 'memory_key': [1, ch['key'], 'h', 'w'],
        'memory_value': [1, o, ch['value'], 'h', 'w'], 'attention': [1, o, ch['value'], 'h', 'w'],
    }


def example_inputs(role, ch, height, width):
    s = shapes(ch)
    h, w = height // 16, width // 16
    sizes = {'H': height, 'W': width, 'h': h, 'w': w, 'H/8': height // 8, 'W/8': width // 8, 'H/4': height // 4, 'W/4': width // 4}
    gen = torch.Generator().manual_seed(1)
    return tuple(torch.rand([sizes.get(d, d) for d in s[name]], generator=gen) for name in INPUTS[role])


def sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            digest.update(chunk)
    return digest.hexdigest()


def export_graph(module, role, ch, path, height, width):
    s = shapes(ch)
    names_in, names_out = INPUTS[role], OUTPUTS[role]
    dynamic = {}
    for name in names_in + names_out:
        axes = {i: d for i, d in enumerate(s[name]) if isinstance(d, str)}
        if axes:
            dynamic[name] = {i: d.replace('/', '_') for i, d in axes.items()}
    module.eval()
    with torch.no_grad():
        torch.onnx.export(module, example_inputs(role, ch, height, width), path, input_names=names_in,
                          output_names=names_out, dynamic_axes=dynamic, opset_version=OPSET, do_constant_folding=True)


def manifest_shape(dims):
    return list(dims)


def write_pack(modules, out_dir, name, version, channels, memory, la_radius=7, padding_multiple=112,
               example_size=(112, 224), licence='test only', source='random weights', local_attention=True):
    """Exports modules (dict role -> nn.Module) into out_dir with a pack.json."""
    os.makedirs(out_dir, exist_ok=True)
    s = shapes(channels)
    graphs = {}
    for role in ('key_encoder', 'value_encoder', 'decoder', 'local_attention'):
        if role == 'local_attention' and not local_attention:
            continue
        file = role + '.onnx'
        path = os.path.join(out_dir, file)
        export_graph(modules[role], role, channels, path, *example_size)
        graphs[role] = {
            'file': file, 'sha256': sha256(path),
            'inputs': [{'name': n, 'shape': manifest_shape(s[n])} for n in INPUTS[role]],
            'outputs': [{'name': n, 'shape': manifest_shape(s[n])} for n in OUTPUTS[role]],
        }
    manifest = {
        'format': 'nitrate-pack/1', 'name': name, 'version': version, 'licence': licence, 'source': source,
        'opset': OPSET, 'graphs': graphs,
        'normalisation': {'lightness_offset': 50.0, 'lightness_scale': 50.0, 'chroma_scale': 110.0},
        'padding_multiple': padding_multiple, 'strides': {'f16': 16, 'f8': 8, 'f4': 4},
        'channels': channels, 'memory': memory,
        'local_attention': {'enabled': bool(local_attention), 'radius': la_radius},
        'inference': {'max_area': None},
    }
    with open(os.path.join(out_dir, 'pack.json'), 'w') as f:
        json.dump(manifest, f, indent=2)
    return manifest
