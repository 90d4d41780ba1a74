package dev.nitrate.engine.colormnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.Resampler;
import org.junit.jupiter.api.Test;

/** The guided chroma upsampler follows the full-size lightness's edges where a plain resize blurs them. */
class GuidedUpsamplerTest {

    private static final int W = 160;
    private static final int H = 96;

    /** A dark disc on a light ground; chroma +40 inside the disc, -20 outside (the colour follows the object). */
    private static float[][] scene(int w, int h) {
        float[] l = new float[w * h];
        float[] a = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5) / w - 0.45;
                double dy = (y + 0.5) / h - 0.5;
                boolean inside = dx * dx * 2.8 + dy * dy < 0.09;
                l[y * w + x] = inside ? 30f : 75f;
                a[y * w + x] = inside ? 40f : -20f;
            }
        }
        return new float[][] {l, a};
    }

    @Test
    void edgesFollowTheFullSizeLightnessBetterThanAPlainResize() {
        float[][] full = scene(W, H);
        FloatPlane fullL = new FloatPlane(W, H, full[0]);
        FloatPlane truth = new FloatPlane(W, H, full[1]);
        int w = W / 4;
        int h = H / 4;
        FloatPlane smallL = Resampler.bilinear(fullL, w, h);
        FloatPlane smallA = Resampler.bilinear(truth, w, h);
        double guided = rms(GuidedUpsampler.DEFAULT.upsample(smallL, fullL, smallA), truth);
        double plain = rms(Resampler.bilinear(smallA, W, H), truth);
        assertTrue(guided < 0.6 * plain, "guided error " + guided + " should be well below the plain resize's " + plain);
    }

    @Test
    void flatChromaStaysFlat() {
        float[][] full = scene(W, H);
        FloatPlane fullL = new FloatPlane(W, H, full[0]);
        FloatPlane smallL = Resampler.bilinear(fullL, W / 3, H / 3);
        float[] flat = new float[smallL.width() * smallL.height()];
        java.util.Arrays.fill(flat, 12.5f);
        FloatPlane out = GuidedUpsampler.DEFAULT.upsample(smallL, fullL, new FloatPlane(smallL.width(), smallL.height(), flat));
        for (float v : out.values()) {
            assertEquals(12.5f, v, 1e-3f);
        }
        assertEquals(W, out.width());
        assertEquals(H, out.height());
    }

    @Test
    void mismatchedGuideIsRefused() {
        FloatPlane l = new FloatPlane(8, 8, new float[64]);
        assertThrows(IllegalArgumentException.class, () -> GuidedUpsampler.DEFAULT.upsample(l, l, new FloatPlane(4, 4, new float[16])));
    }

    private static double rms(FloatPlane x, FloatPlane y) {
        double sum = 0;
        for (int i = 0; i < x.values().length; i++) {
            double d = x.values()[i] - y.values()[i];
            sum += d * d;
        }
        return Math.sqrt(sum / x.values().length);
    }
}
