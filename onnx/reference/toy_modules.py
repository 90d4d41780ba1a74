"""Small random-weight networks with the pack's graph contract (not ColorMNet): for engine tests
that need real graphs of the right names and shapes, and for checking the reference loop."""
import torch
import torch.nn.functional as F
from torch import nn


class ToyKeyEncoder(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.to_f4 = nn.Conv2d(3, ch['f4'], 4, stride=4)
        self.to_f8 = nn.Conv2d(ch['f4'], ch['f8'], 2, stride=2)
        self.to_f16 = nn.Conv2d(ch['f8'], ch['f16'], 2, stride=2)
        self.key = nn.Conv2d(ch['f16'], ch['key'], 3, padding=1)
        self.shrink = nn.Conv2d(ch['f16'], 1, 3, padding=1)
        self.select = nn.Conv2d(ch['f16'], ch['key'], 3, padding=1)

    def forward(self, image):
        f4 = torch.relu(self.to_f4(image))
        f8 = torch.relu(self.to_f8(f4))
        f16 = torch.relu(self.to_f16(f8))
        return f16, f8, f4, self.key(f16), self.shrink(f16) ** 2 + 1, torch.sigmoid(self.select(f16))


class ToyValueEncoder(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.o, self.cv, self.chh = ch['objects'], ch['value'], ch['hidden']
        self.pix = nn.Conv2d(5, 16, 16, stride=16)
        self.mix = nn.Conv2d(16 + ch['f16'], self.cv, 3, padding=1)
        self.hid = nn.Conv2d(self.cv + self.chh, self.chh, 3, padding=1)

    def forward(self, image, ab, f16, hidden):
        values, hiddens = [], []
        for o in range(self.o):
            chroma = ab if o == 0 else ab.flip(1)
            x = torch.relu(self.pix(torch.cat([image, chroma], 1)))
            v = self.mix(torch.cat([x, f16], 1))
            values.append(v)
            hiddens.append(torch.tanh(self.hid(torch.cat([v, hidden[:, o]], 1))))
        return torch.stack(values, 1), torch.stack(hiddens, 1)


class ToyDecoder(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.o = ch['objects']
        self.fuse = nn.Conv2d(ch['f16'] + ch['value'] + ch['hidden'], 32, 3, padding=1)
        self.skip8 = nn.Conv2d(ch['f8'], 32, 3, padding=1)
        self.skip4 = nn.Conv2d(ch['f4'], 32, 3, padding=1)
        self.pred = nn.Conv2d(32, 1, 3, padding=1)
        self.hid = nn.Conv2d(32 + ch['hidden'], ch['hidden'], 3, padding=1)

    def forward(self, f16, f8, f4, readout, hidden):
        logits, hiddens = [], []
        for o in range(self.o):
            g16 = torch.relu(self.fuse(torch.cat([f16, readout[:, o], hidden[:, o]], 1)))
            g8 = torch.relu(F.interpolate(g16, scale_factor=2, mode='bilinear', align_corners=False) + self.skip8(f8))
            g4 = torch.relu(F.interpolate(g8, scale_factor=2, mode='bilinear', align_corners=False) + self.skip4(f4))
            logits.append(self.pred(g4))
            hiddens.append(torch.tanh(self.hid(torch.cat([g16, hidden[:, o]], 1))))
        logit = torch.cat(logits, 1)
        ab = torch.tanh(F.interpolate(logit, scale_factor=4, mode='bilinear', align_corners=False))
        return ab, torch.stack(hiddens, 1)


class ToyLocalAttention(nn.Module):
    """Windowed attention of each query position over a (2r+1)^2 neighbourhood of the memory frame."""

    def __init__(self, ch, radius):
        super().__init__()
        self.r = radius
        self.rel = nn.Conv2d(ch['key'], (2 * radius + 1) ** 2, 1)
        self.out = nn.Conv2d(ch['objects'] * ch['value'], ch['objects'] * ch['value'], 1, bias=False)

    def forward(self, query_key, memory_key, memory_value):
        b, o, cv, h, w = memory_value.shape
        r = self.r
        v = memory_value.reshape(b, o * cv, h, w)
        kp = F.pad(memory_key, (r, r, r, r))
        vp = F.pad(v, (r, r, r, r))
        ones = F.pad(torch.ones_like(memory_key[:, :1]), (r, r, r, r))
        rel = self.rel(query_key)
        scale = query_key.shape[1] ** -0.5
        logits, values = [], []
        for dy in range(2 * r + 1):
            for dx in range(2 * r + 1):
                k = kp[:, :, dy:dy + h, dx:dx + w]
                valid = ones[:, :, dy:dy + h, dx:dx + w]
                i = dy * (2 * r + 1) + dx
                logit = (query_key * scale * k).sum(1, keepdim=True) + rel[:, i:i + 1]
                logits.append(logit - (1 - valid) * 1e4)
                values.append(vp[:, :, dy:dy + h, dx:dx + w])
        weights = torch.softmax(torch.cat(logits, 1), 1)
        mixed = sum(weights[:, i:i + 1] * values[i] for i in range(len(values)))
        return self.out(mixed).reshape(b, o, cv, h, w)


def toy_modules(channels, radius=2, seed=0):
    torch.manual_seed(seed)
    return {
        'key_encoder': ToyKeyEncoder(channels).eval(),
        'value_encoder': ToyValueEncoder(channels).eval(),
        'decoder': ToyDecoder(channels).eval(),
        'local_attention': ToyLocalAttention(channels, radius).eval(),
    }


TOY_CHANNELS = {'objects': 2, 'key': 8, 'value': 16, 'hidden': 4, 'f16': 24, 'f8': 12, 'f4': 8}


class ToyRefiner(nn.Module):
    """lightness [1,1,Hf,Wf], network_ab [1,2,Hn,Wn] -> ab [1,2,Hf,Wf]: bilinear upsampling plus a
    lightness-guided residual."""

    def __init__(self):
        super().__init__()
        self.mix = nn.Conv2d(3, 2, 3, padding=1)

    def forward(self, lightness, ab):
        up = F.interpolate(ab, size=(lightness.shape[2], lightness.shape[3]), mode='bilinear', align_corners=False)
        return torch.tanh(up + 0.1 * self.mix(torch.cat([lightness, up], 1)))


def export_toy_refiner(path, seed=0):
    torch.manual_seed(seed)
    refiner = ToyRefiner().eval()
    with torch.no_grad():
        torch.onnx.export(refiner, (torch.rand(1, 1, 90, 150), torch.rand(1, 2, 45, 75)), path,
                          input_names=['lightness', 'network_ab'], output_names=['ab'], opset_version=17,
                          dynamic_axes={'lightness': {2: 'Hf', 3: 'Wf'}, 'network_ab': {2: 'Hn', 3: 'Wn'}, 'ab': {2: 'Hf', 3: 'Wf'}})


if __name__ == '__main__':
    import sys
    export_toy_refiner(sys.argv[1])
