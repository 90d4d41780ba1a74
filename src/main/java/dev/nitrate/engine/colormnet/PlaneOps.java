package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.image.FloatPlane;

/** Padding and cropping of planes for the networks (resizing is {@link dev.nitrate.engine.image.Resampler#bilinear}). */
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
}
