package dev.nitrate.app.interim;

import dev.nitrate.app.compare.ShotFigures;
import dev.nitrate.app.media.RgbFrame;
import java.util.List;

/**
 * Colourfulness (Hasler and Süsstrunk 2003) averaged over frames, and CDC (colour distribution consistency): the
 * Jensen-Shannon divergence of per-channel 256-bin RGB histograms between frames 1, 2 and 4 apart, averaged over
 * the three steps and the channels, as the shared scorer computes them.
 */
public final class ColourFigures implements ShotFigures {

    @Override
    public Figures measure(List<RgbFrame> frames) {
        if (frames.isEmpty()) {
            return new Figures(0, 0);
        }
        double colourfulness = 0;
        double[][][] histograms = new double[frames.size()][][];
        for (int i = 0; i < frames.size(); i++) {
            colourfulness += colourfulness(frames.get(i));
            histograms[i] = histograms(frames.get(i));
        }
        double cdc = 0;
        for (int c = 0; c < 3; c++) {
            double perChannel = 0;
            for (int step : new int[] {1, 2, 4}) {
                int n = frames.size() - step;
                if (n <= 0) {
                    continue;
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += jensenShannon(histograms[i][c], histograms[i + step][c]);
                }
                perChannel += sum / n / 3;
            }
            cdc += perChannel / 3;
        }
        return new Figures(colourfulness / frames.size(), cdc);
    }

    static double colourfulness(RgbFrame frame) {
        byte[] rgb = frame.rgb();
        int n = frame.width() * frame.height();
        double sumRg = 0, sumYb = 0, sqRg = 0, sqYb = 0;
        for (int i = 0; i < n; i++) {
            double r = rgb[3 * i] & 255, g = rgb[3 * i + 1] & 255, b = rgb[3 * i + 2] & 255;
            double rg = r - g;
            double yb = 0.5 * (r + g) - b;
            sumRg += rg;
            sumYb += yb;
            sqRg += rg * rg;
            sqYb += yb * yb;
        }
        double meanRg = sumRg / n, meanYb = sumYb / n;
        double varRg = Math.max(0, sqRg / n - meanRg * meanRg), varYb = Math.max(0, sqYb / n - meanYb * meanYb);
        return Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
    }

    private static double[][] histograms(RgbFrame frame) {
        double[][] h = new double[3][256];
        byte[] rgb = frame.rgb();
        int n = frame.width() * frame.height();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                h[c][rgb[3 * i + c] & 255] += 1.0 / n;
            }
        }
        return h;
    }

    static double jensenShannon(double[] p, double[] q) {
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                d += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                d += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return d;
    }
}
