package dev.nitrate.engine.exemplar;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels;

/**
 * The exemplar resize of ColorMNet's release: the RGB picture is stretched to the frame size (aspect ratio
 * ignored) by bilinear interpolation with half-pixel centres (PyTorch's {@code align_corners=False}, no
 * antialiasing), and only then converted to Lab. Interpolated values are kept at 16-bit precision.
 */
final class RgbStretch {

    private RgbStretch() {}

    static LabImage toLab(RgbPixels pixels, int width, int height) {
        if (pixels.width() == width && pixels.height() == height) {
            return pixels instanceof RgbPixels.Rgb16 sixteen
                    ? CieLab.fromRgb16(sixteen.rgb(), width, height)
                    : CieLab.fromRgb8(pixels.toRgb8(), width, height);
        }
        int sw = pixels.width();
        int sh = pixels.height();
        double[] source = new double[sw * sh * 3];
        if (pixels instanceof RgbPixels.Rgb16 sixteen) {
            short[] v = sixteen.rgb();
            for (int i = 0; i < source.length; i++) {
                source[i] = v[i] & 0xFFFF;
            }
        } else {
            byte[] v = pixels.toRgb8();
            for (int i = 0; i < source.length; i++) {
                source[i] = (v[i] & 0xFF) * 257.0;
            }
        }
        short[] out = new short[width * height * 3];
        double sx = sw / (double) width;
        double sy = sh / (double) height;
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, sh - 1);
            int y1 = Math.min(y0 + 1, sh - 1);
            double wy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, sw - 1);
                int x1 = Math.min(x0 + 1, sw - 1);
                double wx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    double top = source[(y0 * sw + x0) * 3 + c] * (1 - wx) + source[(y0 * sw + x1) * 3 + c] * wx;
                    double bottom = source[(y1 * sw + x0) * 3 + c] * (1 - wx) + source[(y1 * sw + x1) * 3 + c] * wx;
                    out[(y * width + x) * 3 + c] = (short) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return CieLab.fromRgb16(out, width, height);
    }
}
