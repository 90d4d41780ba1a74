package dev.nitrate.engine.image;

import java.util.Arrays;

/**
 * The engine's one image resizer. Two filters, each for the work it suits:
 *
 * <ul>
 *   <li><b>bilinear</b> with half-pixel centres (PyTorch's {@code align_corners=False}): the networks' planes, where
 *       ColorMNet's reference resizes the same way, and the frames that quality figures and benchmarks compare;
 *   <li><b>area average</b>: downscaling for display and thumbnails ({@link #areaAverageRgb8}) and fitting exemplar
 *       pictures of any size to a frame ({@link #areaAverageWindow}), so that downscaling does not alias.
 * </ul>
 */
public final class Resampler {

    private Resampler() {}

    /** Bilinear resize of a plane, computed in float; the same plane is returned when the size does not change. */
    public static FloatPlane bilinear(FloatPlane plane, int width, int height) {
        if (plane.width() == width && plane.height() == height) {
            return plane;
        }
        float[] out = new float[width * height];
        float[] in = plane.values();
        int inWidth = plane.width();
        float sx = inWidth / (float) width;
        float sy = plane.height() / (float) height;
        int[] left = new int[width];
        int[] right = new int[width];
        float[] rightWeight = new float[width];
        for (int x = 0; x < width; x++) {
            float fx = Math.max(0f, (x + 0.5f) * sx - 0.5f);
            left[x] = Math.min((int) fx, inWidth - 1);
            right[x] = Math.min(left[x] + 1, inWidth - 1);
            rightWeight[x] = fx - left[x];
        }
        for (int y = 0; y < height; y++) {
            float fy = Math.max(0f, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, plane.height() - 1);
            int y1 = Math.min(y0 + 1, plane.height() - 1);
            float wy = fy - y0;
            int row0 = y0 * inWidth;
            int row1 = y1 * inWidth;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                float wx = rightWeight[x];
                float top = in[row0 + left[x]] * (1 - wx) + in[row0 + right[x]] * wx;
                float bottom = in[row1 + left[x]] * (1 - wx) + in[row1 + right[x]] * wx;
                out[o + x] = top * (1 - wy) + bottom * wy;
            }
        }
        return new FloatPlane(width, height, out);
    }

    /**
     * Bilinear resize of interleaved 8-bit RGB ({@code r, g, b} per pixel), each channel through
     * {@link #bilinear(FloatPlane, int, int)} and rounded to the nearest level.
     */
    public static byte[] bilinearRgb8(byte[] rgb, int width, int height, int toWidth, int toHeight) {
        requireRgb(rgb, width, height);
        byte[] out = new byte[toWidth * toHeight * 3];
        for (int c = 0; c < 3; c++) {
            float[] channel = new float[width * height];
            for (int i = 0; i < channel.length; i++) {
                channel[i] = rgb[3 * i + c] & 0xFF;
            }
            float[] resized = bilinear(new FloatPlane(width, height, channel), toWidth, toHeight).values();
            for (int i = 0; i < resized.length; i++) {
                out[3 * i + c] = (byte) Math.min(255, Math.max(0, Math.round(resized[i])));
            }
        }
        return out;
    }

    /**
     * Area-averaging resize of interleaved 8-bit RGB: each target pixel is the mean of the whole source pixels its
     * footprint covers (at least one, so upscaling repeats pixels). For display and thumbnails.
     */
    public static byte[] areaAverageRgb8(byte[] rgb, int width, int height, int toWidth, int toHeight) {
        requireRgb(rgb, width, height);
        if (width == toWidth && height == toHeight) {
            return rgb;
        }
        byte[] out = new byte[toWidth * toHeight * 3];
        for (int y = 0; y < toHeight; y++) {
            int y0 = y * height / toHeight;
            int y1 = Math.max(y0 + 1, (y + 1) * height / toHeight);
            for (int x = 0; x < toWidth; x++) {
                int x0 = x * width / toWidth;
                int x1 = Math.max(x0 + 1, (x + 1) * width / toWidth);
                int r = 0, g = 0, b = 0, n = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * width;
                    for (int xx = x0; xx < x1; xx++) {
                        int p = 3 * (row + xx);
                        r += rgb[p] & 255;
                        g += rgb[p + 1] & 255;
                        b += rgb[p + 2] & 255;
                        n++;
                    }
                }
                int q = 3 * (y * toWidth + x);
                out[q] = (byte) (r / n);
                out[q + 1] = (byte) (g / n);
                out[q + 2] = (byte) (b / n);
            }
        }
        return out;
    }

    /**
     * Resamples the source window {@code (sx, sy, sw, sh)} of a plane into the rectangle {@code (left, top,
     * innerWidth, innerHeight)} of a {@code width x height} plane filled with {@code background} elsewhere. Each
     * target pixel averages a grid of bilinear samples that covers its footprint (an area average for any ratio and
     * any sub-pixel window), so downscaling does not alias.
     */
    public static FloatPlane areaAverageWindow(FloatPlane source, double sx, double sy, double sw, double sh,
            int width, int height, int left, int top, int innerWidth, int innerHeight, float background) {
        float[] in = source.values();
        float[] out = new float[width * height];
        Arrays.fill(out, background);
        double stepX = sw / innerWidth;
        double stepY = sh / innerHeight;
        int samplesX = Math.max(1, (int) Math.ceil(stepX));
        int samplesY = Math.max(1, (int) Math.ceil(stepY));
        int sourceWidth = source.width();
        int sourceHeight = source.height();
        for (int ty = 0; ty < innerHeight; ty++) {
            for (int tx = 0; tx < innerWidth; tx++) {
                double sum = 0;
                for (int j = 0; j < samplesY; j++) {
                    double y = sy + (ty + (j + 0.5) / samplesY) * stepY - 0.5;
                    for (int i = 0; i < samplesX; i++) {
                        double x = sx + (tx + (i + 0.5) / samplesX) * stepX - 0.5;
                        double cx = Math.max(0, Math.min(sourceWidth - 1, x));
                        double cy = Math.max(0, Math.min(sourceHeight - 1, y));
                        int x0 = (int) cx;
                        int y0 = (int) cy;
                        int x1 = Math.min(sourceWidth - 1, x0 + 1);
                        int y1 = Math.min(sourceHeight - 1, y0 + 1);
                        double fx = cx - x0;
                        double fy = cy - y0;
                        double upper = in[y0 * sourceWidth + x0] * (1 - fx) + in[y0 * sourceWidth + x1] * fx;
                        double lower = in[y1 * sourceWidth + x0] * (1 - fx) + in[y1 * sourceWidth + x1] * fx;
                        sum += upper * (1 - fy) + lower * fy;
                    }
                }
                out[(top + ty) * width + left + tx] = (float) (sum / (samplesX * samplesY));
            }
        }
        return new FloatPlane(width, height, out);
    }

    private static void requireRgb(byte[] rgb, int width, int height) {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("RGB buffer does not hold " + width + "x" + height + " pixels");
        }
    }
}
