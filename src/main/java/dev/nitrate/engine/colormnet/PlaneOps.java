package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.image.FloatPlane;

/** Padding, cropping and resizing of planes for the engine. */
final class PlaneOps {

    private PlaneOps() {}

    /** Writes {@code (plane - offset) / scale} into a zero {@code paddedWidth x paddedHeight} area of {@code out} at channel {@code channel}. */
    static void padNormalised(FloatPlane plane, float offset, float scale, FrameGeometry g, float[] out, int channel) {
        int base = channel * g.paddedPixels();
        java.util.Arrays.fill(out, base, base + g.paddedPixels(), 0f);
        float[] v = plane.values();
        for (int y = 0; y < plane.height(); y++) {
            int dst = base + (y + g.padTop()) * g.paddedWidth() + g.padLeft();
            int src = y * plane.width();
            for (int x = 0; x < plane.width(); x++) {
                out[dst + x] = (v[src + x] - offset) / scale;
            }
        }
    }

    /** Crops channel {@code channel} of a padded tensor back to the network frame, multiplied by {@code factor}. */
    static FloatPlane crop(java.nio.FloatBuffer padded, int channel, FrameGeometry g, float factor) {
        int w = g.networkWidth();
        int h = g.networkHeight();
        float[] out = new float[w * h];
        int base = channel * g.paddedPixels();
        for (int y = 0; y < h; y++) {
            int src = base + (y + g.padTop()) * g.paddedWidth() + g.padLeft();
            padded.get(src, out, y * w, w);
            for (int x = y * w, end = x + w; x < end; x++) {
                out[x] *= factor;
            }
        }
        return new FloatPlane(w, h, out);
    }

    /** Bilinear resize with half-pixel centres (PyTorch's {@code align_corners=False}). */
    static FloatPlane resize(FloatPlane plane, int width, int height) {
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
}
