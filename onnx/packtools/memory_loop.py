"""The one Python memory loop: ColorMNet's whole inference loop in PyTorch, following the facts file
(../shared/docs/colormnet-facts.md) and the released code's memory boundaries.

It runs graph modules with the pack's contract (packtools.writer.graph_io): the exporter's
onnx/colormnet/graphs.py:build_graph_modules(model), the toy modules or the built-in pack's graphs.
The Java engine (dev.nitrate.engine.colormnet.PackColorizer) must agree with it; the parity fixtures
(onnx/reference/make_parity_fixture.py) and the built-in pack's design loop (onnx/builtin/loop.py) use it.

Memory layout: long-term elements first, then working memory whose first `permanent` elements are
the exemplars'. Elements are columns: key [CK, N], shrinkage [1, N], selection [CK, N], value [C, N].
"""
import math

import numpy as np
import torch


def similarity(mem_key, mem_shrink, query_key, query_sel):
    """sim [N, M] = -sum_c sel (k - q)^2 * s / sqrt(CK), expanded as in XMem."""
    ck = mem_key.shape[0]
    mk = mem_key.t()
    a_sq = (mk ** 2) @ query_sel
    two_ab = 2 * (mk @ (query_key * query_sel))
    b_sq = (query_sel * query_key ** 2).sum(0, keepdim=True)
    return (-a_sq + two_ab - b_sq) * mem_shrink.t() / math.sqrt(ck)


def topk_softmax(sim, k):
    """Affinity [N, M] with softmax over the top k of each column, zero elsewhere."""
    k = min(k, sim.shape[0])
    values, indices = torch.topk(sim, k=k, dim=0)
    weights = torch.softmax(values, dim=0)
    return torch.zeros_like(sim).scatter_(0, indices, weights)


class MemoryBank:
    def __init__(self, params, hw):
        self.p = params
        self.hw = hw
        self.key = self.shrink = self.sel = self.value = None
        self.usage = self.life = None
        self.lt = 0
        self.permanent = 0
        self.consolidations = 0

    @property
    def size(self):
        return 0 if self.key is None else self.key.shape[1]

    @property
    def working(self):
        return self.size - self.lt

    def _cat(self, parts):
        return torch.cat([x for x in parts if x is not None and x.shape[-1] > 0], -1)

    def add(self, key, shrink, sel, value, permanent):
        n = key.shape[1]
        new = dict(key=key, shrink=shrink, sel=sel, value=value,
                   usage=torch.zeros(n), life=torch.zeros(n) + 1e-7)
        if self.key is None:
            self.key, self.shrink, self.sel, self.value = key, shrink, sel, value
            self.usage, self.life = new['usage'], new['life']
        else:
            self.key = torch.cat([self.key, key], 1)
            self.shrink = torch.cat([self.shrink, shrink], 1)
            self.sel = torch.cat([self.sel, sel], 1)
            self.value = torch.cat([self.value, value], 1)
            self.usage = torch.cat([self.usage, new['usage']])
            self.life = torch.cat([self.life, new['life']])
        if permanent:
            assert self.working - n == self.permanent
            self.permanent += n
        if self.working - self.permanent >= (self.p['max_mid_term_frames'] - 1) * self.hw:
            self.consolidate()

    def readout(self, query_key, query_sel):
        sim = similarity(self.key, self.shrink, query_key, query_sel)
        affinity = topk_softmax(sim, self.p['top_k'])
        self.usage += affinity.sum(1)
        self.life += 1
        return self.value @ affinity

    def consolidate(self):
        start = self.lt + self.permanent
        end = self.size - (self.p['min_mid_term_frames'] - 1) * self.hw
        if end <= start:
            return
        usage = (self.usage[start:end] / self.life[start:end]).numpy()
        count = min(self.p['num_prototypes'], end - start)
        order = np.argsort(-usage, kind='stable')[:count]
        chosen = torch.from_numpy(order.astype(np.int64)) + start
        proto_key = self.key[:, chosen]
        proto_sel = self.sel[:, chosen]
        sim = similarity(self.key[:, start:end], self.shrink[:, start:end], proto_key, proto_sel)
        affinity = torch.softmax(sim, dim=0)
        proto_value = self.value[:, start:end] @ affinity
        proto_shrink = self.shrink[:, start:end] @ affinity

        keep = torch.ones(self.lt, dtype=torch.bool)
        cap = self.p['max_long_term_elements'] - self.p['num_prototypes']
        if self.lt > cap:
            lt_usage = self.usage[:self.lt] / self.life[:self.lt]
            threshold = torch.sort(lt_usage).values[self.lt - cap - 1]
            keep = lt_usage > threshold
        lt_idx = torch.nonzero(keep).flatten()
        rest = torch.cat([torch.arange(self.lt, self.lt + self.permanent), torch.arange(end, self.size)]).long()
        p = proto_key.shape[1]

        def rebuild(x, proto):
            return torch.cat([x[..., lt_idx], proto, x[..., rest]], -1)

        self.key = rebuild(self.key, proto_key)
        self.shrink = rebuild(self.shrink, proto_shrink)
        self.sel = rebuild(self.sel, torch.zeros_like(proto_sel))
        self.value = rebuild(self.value, proto_value)
        self.usage = rebuild(self.usage, torch.zeros(p))
        self.life = rebuild(self.life, torch.zeros(p) + 1e-7)
        self.lt = len(lt_idx) + p
        self.consolidations += 1


def _tuple(x):
    return x if isinstance(x, (tuple, list)) else (x,)


class ReferenceColorizer:
    """Python twin of PackColorizer (firstFrameIsExemplar and separate-exemplar modes)."""

    def __init__(self, modules, manifest, width, height, memory_overrides=None):
        self.m = modules
        self.ch = manifest['channels']
        self.norm = manifest['normalisation']
        self.params = dict(manifest['memory'])
        self.params.update(memory_overrides or {})
        self.la_enabled = manifest.get('local_attention', {}).get('enabled', True)
        mult = manifest['padding_multiple']
        self.width, self.height = width, height
        self.pw = -(-width // mult) * mult
        self.ph = -(-height // mult) * mult
        self.left = (self.pw - width) // 2
        self.top = (self.ph - height) // 2
        self.gh, self.gw = self.ph // 16, self.pw // 16
        self.hw = self.gh * self.gw

    def pad(self, plane, offset, scale):
        out = torch.zeros(self.ph, self.pw)
        out[self.top:self.top + self.height, self.left:self.left + self.width] = (torch.as_tensor(plane, dtype=torch.float32) - offset) / scale
        return out

    def image(self, lightness):
        l = self.pad(lightness, self.norm['lightness_offset'], self.norm['lightness_scale'])
        return l.expand(3, -1, -1).unsqueeze(0).contiguous()

    def ab(self, a, b):
        s = self.norm['chroma_scale']
        return torch.stack([self.pad(a, 0.0, s), self.pad(b, 0.0, s)]).unsqueeze(0)

    def crop(self, ab):
        s = self.norm['chroma_scale']
        return ab[0, :, self.top:self.top + self.height, self.left:self.left + self.width] * s

    def begin(self, exemplars, first_frame_is_exemplar):
        """exemplars: list of (L, a, b) numpy planes at the frame size."""
        self.memory = MemoryBank(self.params, self.hw)
        self.hidden = torch.zeros(1, self.ch['objects'], self.ch['hidden'], self.gh, self.gw)
        self.t = -1
        self.last_mem = 0
        self.la_key = self.la_value = None
        self.exemplars = exemplars
        self.first_is_exemplar = first_frame_is_exemplar
        with torch.no_grad():
            for (l, a, b) in exemplars[1 if first_frame_is_exemplar else 0:]:
                image = self.image(l)
                keys = _tuple(self.m['key_encoder'](image))
                self._store(keys, image, self.ab(a, b), permanent=True, deep_update=False)

    def _store(self, keys, image, ab, permanent, deep_update):
        f16, _, _, key, shrink, sel = keys
        value, hidden_out = _tuple(self.m['value_encoder'](image, ab, f16, self.hidden))
        c = self.ch['objects'] * self.ch['value']
        self.memory.add(key.reshape(self.ch['key'], -1), shrink.reshape(1, -1), sel.reshape(self.ch['key'], -1),
                        value.reshape(c, -1), permanent)
        self.la_key, self.la_value = key, value
        if deep_update:
            self.hidden = hidden_out
        self.last_mem = max(self.t, 0)

    def step(self, lightness):
        """Returns (a, b) as numpy planes in Lab units."""
        with torch.no_grad():
            return self._step(lightness)

    def _step(self, lightness):
        self.t += 1
        first = self.t == 0
        memory_frame = first or self.t - self.last_mem >= self.params['mem_every']
        deep = self.params.get('deep_update', True)
        deep_update = memory_frame and deep and not (first and not self.first_is_exemplar)
        keep_decoder_hidden = (not memory_frame or not deep) and not (first and not self.first_is_exemplar)
        image = self.image(lightness)
        keys = _tuple(self.m['key_encoder'](image))
        f16, f8, f4, key, shrink, sel = keys
        if first and self.first_is_exemplar:
            l, a, b = self.exemplars[0]
            ab = self.ab(a, b)
            out = self.crop(ab)
            self._store(keys, image, ab, permanent=True, deep_update=deep_update)
            return out[0].numpy(), out[1].numpy()
        readout = self.memory.readout(key.reshape(self.ch['key'], -1), sel.reshape(self.ch['key'], -1))
        readout = readout.reshape(1, self.ch['objects'], self.ch['value'], self.gh, self.gw)
        if self.la_enabled and self.la_key is not None and not (first and not self.first_is_exemplar):
            readout = readout + _tuple(self.m['local_attention'](key, self.la_key, self.la_value))[0]
        ab, hidden_out = _tuple(self.m['decoder'](f16, f8, f4, readout, self.hidden))
        if keep_decoder_hidden:
            self.hidden = hidden_out
        out = self.crop(ab)
        if memory_frame:
            self._store(keys, image, ab, permanent=False, deep_update=deep_update)
        return out[0].numpy(), out[1].numpy()
