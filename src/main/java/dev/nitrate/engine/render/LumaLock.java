package dev.nitrate.engine.render;

import dev.nitrate.engine.video.RgbPixels;

/**
 * Luma lock for RGB outputs (PNG, TIFF): adjusts each output pixel so that its BT.709 luma
 * {@code round(0.2126 R + 0.7152 G + 0.0722 B)}, at the output's bit depth, equals the source pixel's
 * exactly. The colour keeps its hue; where the gamut does not allow the luma with the full chroma, the
 * chroma is reduced, down to grey if need be. (Video outputs lock luma by writing the source's Y plane.)
 */
final class LumaLock {

    private static final double KR = 0.2126;
    private static final double KG = 0.7152;
    private static final double KB = 0.0722;

    private LumaLock() {}

    static long luma(int r, int g, int b) {
        return Math.round(KR * r + KG * g + KB * b);
    }

    /** The colour with the source's luma; both at the same size, the result at the colour's bit depth. */
    static RgbPixels apply(RgbPixels colour, RgbPixels source) {
        int max = colour.bits() == 16 ? 65535 : 255;
        int[] in = toInts(colour);
        int[] reference = colour.bits() == 16 ? toInts(new RgbPixels.Rgb16(source.width(), source.height(), source.toRgb16()))
                : toInts(new RgbPixels.Rgb8(source.width(), source.height(), source.toRgb8()));
        int[] out = new int[in.length];
        int[] candidate = new int[3];
        for (int i = 0; i < in.length; i += 3) {
            int target = (int) luma(reference[i], reference[i + 1], reference[i + 2]);
            lockPixel(in[i], in[i + 1], in[i + 2], target, max, candidate);
            out[i] = candidate[0];
            out[i + 1] = candidate[1];
            out[i + 2] = candidate[2];
        }
        if (colour.bits() == 16) {
            short[] rgb = new short[out.length];
            for (int i = 0; i < out.length; i++) {
                rgb[i] = (short) out[i];
            }
            return new RgbPixels.Rgb16(colour.width(), colour.height(), rgb);
        }
        byte[] rgb = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            rgb[i] = (byte) out[i];
        }
        return new RgbPixels.Rgb8(colour.width(), colour.height(), rgb);
    }

    static void lockPixel(int r, int g, int b, int target, int max, int[] out) {
        double y = KR * r + KG * g + KB * b;
        double[] offset = {r - y, g - y, b - y};
        double scale = 1.0;
        for (double o : offset) {
            if (target + o > max) {
                scale = Math.min(scale, (max - target) / o);
            } else if (target + o < 0) {
                scale = Math.min(scale, -target / o);
            }
        }
        scale = Math.max(0, scale);
        int[] base = new int[3];
        for (int c = 0; c < 3; c++) {
            base[c] = (int) Math.round(Math.max(0, Math.min(max, target + scale * offset[c])));
        }
        if (luma(base[0], base[1], base[2]) == target) {
            System.arraycopy(base, 0, out, 0, 3);
            return;
        }
        double bestDistance = Double.MAX_VALUE;
        boolean found = false;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dg = -1; dg <= 1; dg++) {
                for (int db = -1; db <= 1; db++) {
                    int cr = base[0] + dr;
                    int cg = base[1] + dg;
                    int cb = base[2] + db;
                    if (cr < 0 || cg < 0 || cb < 0 || cr > max || cg > max || cb > max || luma(cr, cg, cb) != target) {
                        continue;
                    }
                    double distance = dr * dr + dg * dg + db * db;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        out[0] = cr;
                        out[1] = cg;
                        out[2] = cb;
                        found = true;
                    }
                }
            }
        }
        if (!found) {
            out[0] = target;
            out[1] = target;
            out[2] = target;
        }
    }

    private static int[] toInts(RgbPixels pixels) {
        if (pixels instanceof RgbPixels.Rgb16 sixteen) {
            short[] rgb = sixteen.rgb();
            int[] out = new int[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                out[i] = rgb[i] & 0xFFFF;
            }
            return out;
        }
        byte[] rgb = pixels.toRgb8();
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = rgb[i] & 0xFF;
        }
        return out;
    }
}
