package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.Resampler;

/**
 * Edge-aware upsampling of chroma predicted at a reduced size, guided by the full-size lightness: the fast
 * guided filter (He and Sun, 2015). At the reduced size each chroma plane is fitted, in every
 * {@code (2r+1)^2} window, as a linear function {@code p = A * L + B} of the lightness; the fields A and B
 * are smoothed, resized bilinearly to the full size, and applied to the full-size lightness. Chroma edges
 * so follow the film's own edges instead of the blurred ones of a plain resize; where the lightness is
 * flat the result is the plain resize of the chroma.
 *
 * @param radius window radius at the reduced size, in pixels
 * @param epsilon regulariser, in units of (L/100)^2: larger keeps the fit closer to a plain resize
 */
record GuidedUpsampler(int radius, float epsilon) {

    /** Radius 2 and epsilon 1e-3 (a lightness step of about 3 L units counts as an edge). */
    static final GuidedUpsampler DEFAULT = new GuidedUpsampler(2, 1e-3f);

    GuidedUpsampler {
        if (radius < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException("need radius >= 1 and epsilon > 0, got " + radius + " and " + epsilon);
        }
    }

    /**
     * @param smallLightness the lightness the networks saw, at the reduced size
     * @param fullLightness the film's lightness at full size
     * @param chroma one chroma plane at the reduced size
     * @return the chroma plane at full size
     */
    FloatPlane upsample(FloatPlane smallLightness, FloatPlane fullLightness, FloatPlane chroma) {
        int w = chroma.width();
        int h = chroma.height();
        if (smallLightness.width() != w || smallLightness.height() != h) {
            throw new IllegalArgumentException("guide and chroma sizes differ");
        }
        int n = w * h;
        float[] guide = scaled(smallLightness.values());
        float[] p = chroma.values();
        float[] ip = new float[n];
        float[] ii = new float[n];
        for (int i = 0; i < n; i++) {
            ip[i] = guide[i] * p[i];
            ii[i] = guide[i] * guide[i];
        }
        float[] meanI = boxMean(guide, w, h);
        float[] meanP = boxMean(p, w, h);
        float[] meanIp = boxMean(ip, w, h);
        float[] meanIi = boxMean(ii, w, h);
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            float variance = meanIi[i] - meanI[i] * meanI[i];
            float covariance = meanIp[i] - meanI[i] * meanP[i];
            a[i] = covariance / (variance + epsilon);
            b[i] = meanP[i] - a[i] * meanI[i];
        }
        int fw = fullLightness.width();
        int fh = fullLightness.height();
        float[] fullA = Resampler.bilinear(new FloatPlane(w, h, boxMean(a, w, h)), fw, fh).values();
        float[] fullB = Resampler.bilinear(new FloatPlane(w, h, boxMean(b, w, h)), fw, fh).values();
        float[] fullGuide = fullLightness.values();
        float[] out = new float[fw * fh];
        for (int i = 0; i < out.length; i++) {
            out[i] = fullA[i] * (fullGuide[i] / 100f) + fullB[i];
        }
        return new FloatPlane(fw, fh, out);
    }

    private static float[] scaled(float[] lightness) {
        float[] out = new float[lightness.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lightness[i] / 100f;
        }
        return out;
    }

    /** Mean over the window clipped to the image, from a summed-area table (in double, so large frames stay exact enough). */
    private float[] boxMean(float[] values, int w, int h) {
        double[] table = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += values[y * w + x];
                table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1] + row;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - radius);
            int y1 = Math.min(h, y + radius + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(w, x + radius + 1);
                double sum = table[y1 * (w + 1) + x1] - table[y0 * (w + 1) + x1] - table[y1 * (w + 1) + x0] + table[y0 * (w + 1) + x0];
                out[y * w + x] = (float) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }
}
