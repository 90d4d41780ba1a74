#!/usr/bin/python3
"""Regenerates a parity fixture: a pack exported from graph modules with seeded random weights,
input frames from real footage, and the reference loop's ab outputs, so that the Java engine's
ParityTest checks parity without Python.

  /usr/bin/python3 onnx/reference/make_parity_fixture.py --clip CLIP --modules colormnet-tiny \
      --out src/test/resources/parity/colormnet-tiny
  /usr/bin/python3 onnx/reference/make_parity_fixture.py --clip CLIP --modules toy --out src/test/resources/parity/toy

CLIP is any film FFmpeg reads. The committed fixtures were made from box.mp4 of the project's media
folder (opencv-doc 4.6.0), which is not in the repository; onnx/run_full_parity.sh uses the committed
src/test/resources/media/cup.mp4. The second sequence's other exemplar is frame 30 of that cup.mp4.
The third sequence (--pinned-exemplar-frame F, default 6) starts at frame F of the clip with frame F's
own colour as the exemplar that IS the first frame (the release's mode, `colorize --exemplar-is-frame`
pinned past frame 0) and the same cup frame as a second, separate exemplar.

Fixture layout: pack/ (a nitrate-pack/1 folder), fixture.json (sizes, sequences, quantisation) and one
seqN.bin per sequence, little-endian: per exemplar L (uint16, L*600), a and b (int16, x100); per
frame L (uint16, L*600); per frame expected a/110 and b/110 (int16, x30000). Inputs are quantised
before the reference runs, so both sides see exactly the same values.
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
from packtools import writer as pack_writer  # noqa: E402
from packtools.memory_loop import ReferenceColorizer  # noqa: E402

L_SCALE = 600.0
AB_SCALE = 100.0
OUT_SCALE = 30000.0
TEST_MEDIA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'test', 'resources', 'media')


def srgb_to_lab(rgb8):
    """sRGB (uint8, HxWx3) to CIE Lab under D65 with scikit-image's constants."""
    c = rgb8.astype(np.float64) / 255.0
    lin = np.where(c > 0.04045, ((c + 0.055) / 1.055) ** 2.4, c / 12.92)
    m = np.array([[0.412453, 0.357580, 0.180423], [0.212671, 0.715160, 0.072169], [0.019334, 0.119193, 0.950227]])
    xyz = lin @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16.0 / 116.0)
    lab_l = 116.0 * f[..., 1] - 16.0
    lab_a = 500.0 * (f[..., 0] - f[..., 1])
    lab_b = 200.0 * (f[..., 1] - f[..., 2])
    return lab_l, lab_a, lab_b


def read_frames(path, width, height, count, start=0):
    cmd = ['ffmpeg', '-v', 'error', '-i', path, '-vf', f'select=gte(n\\,{start}),scale={width}:{height}:flags=area',
           '-vsync', '0', '-frames:v', str(count), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']
    raw = subprocess.run(cmd, check=True, capture_output=True).stdout
    frames = np.frombuffer(raw, np.uint8).reshape(-1, height, width, 3)
    if len(frames) < count:
        raise SystemExit(f'{path}: only {len(frames)} frames')
    return frames


def quantised_lab(rgb8):
    l, a, b = srgb_to_lab(rgb8)
    lq = np.clip(np.round(l * L_SCALE), 0, 65535).astype(np.uint16)
    aq = np.round(a * AB_SCALE).astype(np.int16)
    bq = np.round(b * AB_SCALE).astype(np.int16)
    return lq, aq, bq


def dequant(lq, aq=None, bq=None):
    l = lq.astype(np.float32) / np.float32(L_SCALE)
    if aq is None:
        return l
    return l, aq.astype(np.float32) / np.float32(AB_SCALE), bq.astype(np.float32) / np.float32(AB_SCALE)


def build_modules(kind, seed):
    if kind == 'toy':
        from toy_modules import TOY_CHANNELS, toy_modules
        return toy_modules(TOY_CHANNELS, radius=2, seed=seed), TOY_CHANNELS, 2
    if kind in ('colormnet-tiny', 'colormnet-full'):
        from colormnet import FULL, TINY, ColorMNet
        from colormnet.graphs import build_graph_modules
        from colormnet.weights import randomize_
        config = TINY if kind == 'colormnet-tiny' else FULL
        model = randomize_(ColorMNet(config).eval(), seed).eval()
        channels = {'objects': config.objects, 'key': config.key_dim, 'value': config.value_dim,
                    'hidden': config.hidden_dim, 'f16': config.f16_channels, 'f8': config.f8_channels,
                    'f4': config.f4_channels}
        modules = {k: m.eval() for k, m in build_graph_modules(model).items()}
        modules['_model'] = model
        return modules, channels, config.la_radius
    raise SystemExit('unknown modules ' + kind)


def example_inputs(specs, name, height=112, width=224):
    """Uniform random inputs of the graph's shapes for a padded frame of height x width (the trace's examples)."""
    generator = torch.Generator().manual_seed(1)
    return tuple(torch.rand(pack_writer.concrete_shape(shape, height, width), generator=generator)
                 for _, shape in specs[name]['inputs'])


def write_pack(modules, out_dir, name, version, channels, memory, la_radius, source):
    """The fixture's pack: graphs traced with dim names H_8, W_8, ... and pack.json without a final newline."""
    specs = pack_writer.graph_io(channels)
    graphs = {role: modules[role].eval() for role in pack_writer.CORE_GRAPHS}
    description = pack_writer.PackDescription(name=name, version=version, licence='test only', source=source,
                                              channels=channels, memory=memory,
                                              local_attention={'enabled': True, 'radius': la_radius})
    options = pack_writer.ExportOptions(axis_name=lambda symbol: symbol.replace('/', '_'))
    return pack_writer.write_pack(out_dir, description, graphs, lambda role: example_inputs(specs, role), specs,
                                  options, final_newline=False)


def centre_prediction(modules, manifest, width, height, labs, frames=4):
    """Random weights saturate the decoder's tanh on real footage, which would make parity trivial:
    shift and scale the prediction conv so that its logits have mean 0 and std 0.7 on the clip's
    first frames (the Python and Java sides then share these weights)."""
    model = modules.get('_model')
    if model is None:
        return
    captured = []
    handle = model.decoder.pred.register_forward_hook(lambda _m, _i, out: captured.append(out.detach().clone()))
    ref = ReferenceColorizer(modules, manifest, width, height)
    ref.begin([dequant(*labs[0])], True)
    for lq, _, _ in labs[:frames]:
        ref.step(dequant(lq))
    handle.remove()
    logits = torch.cat([c.flatten() for c in captured])
    with torch.no_grad():
        scale = 0.7 / float(logits.std().clamp_min(1e-6))
        model.decoder.pred.weight.mul_(scale)
        model.decoder.pred.bias.mul_(scale).sub_(float(logits.mean()) * scale)


def run_sequence(ref, exemplars_q, frames_q, first_is_exemplar):
    ref.begin([dequant(*e) for e in exemplars_q], first_is_exemplar)
    outs = []
    for i, lq in enumerate(frames_q):
        a, b = ref.step(dequant(lq))
        outs.append(np.stack([a, b]) / 110.0)
        print(f'  frame {i}: lt={ref.memory.lt} wm={ref.memory.working} cons={ref.memory.consolidations}', flush=True)
    return outs


def write_sequence(path, exemplars_q, frames_q, outs):
    with open(path, 'wb') as f:
        for lq, aq, bq in exemplars_q:
            f.write(lq.astype('<u2').tobytes())
            f.write(aq.astype('<i2').tobytes())
            f.write(bq.astype('<i2').tobytes())
        for lq in frames_q:
            f.write(lq.astype('<u2').tobytes())
        for o in outs:
            f.write(np.clip(np.round(o * OUT_SCALE), -32767, 32767).astype('<i2').tobytes())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--modules', default='toy')
    ap.add_argument('--out', required=True)
    ap.add_argument('--clip', required=True, help='the film whose frames the fixture uses')
    ap.add_argument('--width', type=int, default=128)
    ap.add_argument('--height', type=int, default=72)
    ap.add_argument('--frames', type=int, default=44)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--memory', default='{"top_k": 30, "mem_every": 2, "min_mid_term_frames": 2, "max_mid_term_frames": 4, '
                                        '"num_prototypes": 32, "max_long_term_elements": 160, "deep_update": true}')
    ap.add_argument('--pack-only', action='store_true', help='write the pack and stop (benchmarks)')
    ap.add_argument('--pinned-exemplar-frame', type=int, default=6,
                    help='start of a third sequence whose first frame is its exemplar, plus a separate one (-1: none)')
    ap.add_argument('--separate-exemplar-frames', type=int, default=12,
                    help='length of a second sequence whose exemplar is a separate image (0: none)')
    args = ap.parse_args()
    torch.set_num_threads(max(1, os.cpu_count() or 1))

    modules, channels, radius = build_modules(args.modules, args.seed)
    memory = json.loads(args.memory)
    pack_dir = os.path.join(args.out, 'pack')
    frames = read_frames(args.clip, args.width, args.height, args.frames)
    labs = [quantised_lab(f) for f in frames]
    draft = {'channels': channels, 'memory': memory, 'padding_multiple': 112, 'local_attention': {'enabled': True},
             'normalisation': {'lightness_offset': 50.0, 'lightness_scale': 50.0, 'chroma_scale': 110.0}}
    centre_prediction(modules, draft, args.width, args.height, labs)
    manifest = write_pack(modules, pack_dir, name=f'parity-{args.modules}', version=f'seed{args.seed}',
                          channels=channels, memory=memory, la_radius=radius, source=f'random weights, seed {args.seed}')
    if args.pack_only:
        print('wrote', pack_dir)
        return
    sequences = []
    modules = {k: v for k, v in modules.items() if not k.startswith('_')}
    ref = ReferenceColorizer(modules, manifest, args.width, args.height)
    print('sequence 0: first frame is the exemplar,', args.frames, 'frames')
    outs = run_sequence(ref, [labs[0]], [l for l, _, _ in labs], True)
    write_sequence(os.path.join(args.out, 'seq0.bin'), [labs[0]], [l for l, _, _ in labs], outs)
    spread = [float(np.std(o)) for o in outs[1:]]
    print('output std per frame: min %.3f mean %.3f' % (min(spread), sum(spread) / len(spread)))
    sequences.append({'file': 'seq0.bin', 'first_frame_is_exemplar': True, 'exemplars': 1, 'frames': args.frames,
                      'min_output_std': min(spread),
                      'consolidations': ref.memory.consolidations, 'long_term_elements': ref.memory.lt})
    if args.separate_exemplar_frames > 0:
        n = args.separate_exemplar_frames
        other = quantised_lab(read_frames(os.path.join(TEST_MEDIA, 'cup.mp4'), args.width, args.height, 1, start=30)[0])
        exemplars = [labs[-1], other]
        print('sequence 1: two separate exemplars,', n, 'frames')
        outs = run_sequence(ref, exemplars, [l for l, _, _ in labs[:n]], False)
        write_sequence(os.path.join(args.out, 'seq1.bin'), exemplars, [l for l, _, _ in labs[:n]], outs)
        spread = [float(np.std(o)) for o in outs]
        sequences.append({'file': 'seq1.bin', 'first_frame_is_exemplar': False, 'exemplars': 2, 'frames': n,
                          'min_output_std': min(spread),
                          'consolidations': ref.memory.consolidations, 'long_term_elements': ref.memory.lt})
    if args.separate_exemplar_frames > 0 and args.pinned_exemplar_frame >= 0:
        f = args.pinned_exemplar_frame
        n = min(args.separate_exemplar_frames, args.frames - f)
        exemplars = [labs[f], other]
        print('sequence 2: frame', f, 'is its own exemplar, plus a separate one,', n, 'frames')
        outs = run_sequence(ref, exemplars, [l for l, _, _ in labs[f:f + n]], True)
        write_sequence(os.path.join(args.out, 'seq2.bin'), exemplars, [l for l, _, _ in labs[f:f + n]], outs)
        spread = [float(np.std(o)) for o in outs[1:]]
        sequences.append({'file': 'seq2.bin', 'first_frame_is_exemplar': True, 'exemplars': 2, 'frames': n,
                          'min_output_std': min(spread),
                          'consolidations': ref.memory.consolidations, 'long_term_elements': ref.memory.lt})
    meta = {'modules': args.modules, 'seed': args.seed, 'clip': os.path.basename(args.clip),
            'width': args.width, 'height': args.height, 'lightness_scale': L_SCALE, 'chroma_scale': AB_SCALE,
            'output_scale': OUT_SCALE, 'tolerance': 1e-3, 'sequences': sequences}
    with open(os.path.join(args.out, 'fixture.json'), 'w') as f:
        json.dump(meta, f, indent=2)
    print('wrote', args.out)


if __name__ == '__main__':
    main()
