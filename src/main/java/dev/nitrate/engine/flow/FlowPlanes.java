package dev.nitrate.engine.flow;

/** Sampling and resizing of row-major float and byte planes, as the flow stage needs them. */
final class FlowPlanes {

    private FlowPlanes() {
    }

    /** Bilinear sample of {@code plane} ({@code w x h}) at {@code (x, y)}, clamped to the border. */
    static float sample(float[] plane, int w, int h, float x, float y) {
        x = Math.max(0f, Math.min(x, w - 1f));
        y = Math.max(0f, Math.min(y, h - 1f));
        int x0 = Math.min((int) x, Math.max(0, w - 2));
        int y0 = Math.min((int) y, Math.max(0, h - 2));
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        float fx = x - x0;
        float fy = y - y0;
        int r0 = y0 * w;
        int r1 = y1 * w;
        float top = plane[r0 + x0] + fx * (plane[r0 + x1] - plane[r0 + x0]);
        float bottom = plane[r1 + x0] + fx * (plane[r1 + x1] - plane[r1 + x0]);
        return top + fy * (bottom - top);
    }

    /** Bilinear sample of channel {@code c} of an interleaved two-channel plane, clamped to the border. */
    static float sample2(float[] plane, int w, int h, float x, float y, int c) {
        x = Math.max(0f, Math.min(x, w - 1f));
        y = Math.max(0f, Math.min(y, h - 1f));
        int x0 = Math.min((int) x, Math.max(0, w - 2));
        int y0 = Math.min((int) y, Math.max(0, h - 2));
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        float fx = x - x0;
        float fy = y - y0;
        float a = plane[2 * (y0 * w + x0) + c];
        float b = plane[2 * (y0 * w + x1) + c];
        float d = plane[2 * (y1 * w + x0) + c];
        float e = plane[2 * (y1 * w + x1) + c];
        float top = a + fx * (b - a);
        float bottom = d + fx * (e - d);
        return top + fy * (bottom - top);
    }

    /**
     * CIE L in [0, 100] at {@code w x h} to 8-bit luma at {@code tw x th} (box average of the source pixels
     * that fall into each target pixel).
     */
    static void lumaBytes(float[] lightness, int w, int h, byte[] out, int tw, int th, float[] sums, int[] counts) {
        if (tw == w && th == h) {
            for (int i = 0; i < lightness.length; i++) {
                out[i] = (byte) Math.round(Math.max(0f, Math.min(255f, lightness[i] * 2.55f)));
            }
            return;
        }
        java.util.Arrays.fill(sums, 0f);
        java.util.Arrays.fill(counts, 0);
        for (int y = 0; y < h; y++) {
            int ty = Math.min(th - 1, (int) ((long) y * th / h));
            int row = ty * tw;
            for (int x = 0; x < w; x++) {
                int t = row + Math.min(tw - 1, (int) ((long) x * tw / w));
                sums[t] += lightness[y * w + x];
                counts[t]++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            float l = counts[i] == 0 ? 0f : sums[i] / counts[i];
            out[i] = (byte) Math.round(Math.max(0f, Math.min(255f, l * 2.55f)));
        }
    }

    /** Bilinear resize of a plane (used only when an exemplar is not at the frame's size). */
    static float[] resize(float[] plane, int w, int h, int tw, int th) {
        float[] out = new float[tw * th];
        for (int y = 0; y < th; y++) {
            float sy = (y + 0.5f) * h / th - 0.5f;
            for (int x = 0; x < tw; x++) {
                out[y * tw + x] = sample(plane, w, h, (x + 0.5f) * w / tw - 0.5f, sy);
            }
        }
        return out;
    }
}
