package dev.nitrate.engine.metrics;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels.Rgb8;

/**
 * Per-frame quality measures between a ground-truth frame and a result, defined exactly as the
 * independent scorer {@code vceval.py} defines them (8-bit RGB, double precision).
 */
public final class FrameMetrics {

    /** The PSNR given to identical frames, as vceval.py does. */
    public static final double PSNR_OF_IDENTICAL = 100.0;

    private static final int WINDOW = 7;
    private static final double SSIM_C1 = (0.01 * 255) * (0.01 * 255);
    private static final double SSIM_C2 = (0.03 * 255) * (0.03 * 255);

    private FrameMetrics() {}

    /** Peak signal-to-noise ratio over all three channels, in dB; {@value #PSNR_OF_IDENTICAL} for identical frames. */
    public static double psnr(Rgb8 groundTruth, Rgb8 result) {
        groundTruth.requireSameSize(result);
        byte[] x = groundTruth.rgb();
        byte[] y = result.rgb();
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xFF) - (y[i] & 0xFF);
            sum += (long) d * d;
        }
        if (sum == 0) {
            return PSNR_OF_IDENTICAL;
        }
        double mse = sum / (double) x.length;
        return 20 * Math.log10(255.0 / Math.sqrt(mse));
    }

    /**
     * Structural similarity, the mean over the three channels of the mean SSIM map: a 7x7
     * uniform window over the valid area, unbiased (n - 1) variances, constants
     * (0.01 * 255)^2 and (0.03 * 255)^2, and a further 3-pixel border of the map left out.
     */
    public static double ssim(Rgb8 groundTruth, Rgb8 result) {
        groundTruth.requireSameSize(result);
        if (groundTruth.width() < WINDOW || groundTruth.height() < WINDOW) {
            throw new IllegalArgumentException("SSIM needs frames of at least 7x7 pixels, got "
                    + groundTruth.width() + "x" + groundTruth.height());
        }
        double total = 0;
        for (int channel = 0; channel < 3; channel++) {
            total += ssimOfChannel(groundTruth, result, channel);
        }
        return total / 3;
    }

    private static double ssimOfChannel(Rgb8 groundTruth, Rgb8 result, int channel) {
        int width = groundTruth.width();
        int height = groundTruth.height();
        byte[] x = groundTruth.rgb();
        byte[] y = result.rgb();
        int mapHeight = height - WINDOW + 1;
        int mapWidth = width - WINDOW + 1;
        boolean cropBorder = mapHeight > 6;
        int firstRow = cropBorder ? 3 : 0;
        int lastRow = cropBorder ? mapHeight - 4 : mapHeight - 1;
        int firstColumn = cropBorder ? 3 : 0;
        int lastColumn = cropBorder ? mapWidth - 4 : mapWidth - 1;
        if (lastColumn < firstColumn) {
            return Double.NaN;
        }
        // Vertical 7-row sums per column, slid down the image; all sums are exact integers.
        int[] colX = new int[width];
        int[] colY = new int[width];
        int[] colXX = new int[width];
        int[] colYY = new int[width];
        int[] colXY = new int[width];
        for (int row = 0; row < WINDOW - 1; row++) {
            addRow(x, y, channel, width, row, 1, colX, colY, colXX, colYY, colXY);
        }
        double n = WINDOW * WINDOW;
        double sum = 0;
        long count = 0;
        for (int top = 0; top < mapHeight; top++) {
            addRow(x, y, channel, width, top + WINDOW - 1, 1, colX, colY, colXX, colYY, colXY);
            if (top >= firstRow && top <= lastRow) {
                long sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
                for (int c = 0; c < WINDOW - 1; c++) {
                    sx += colX[c];
                    sy += colY[c];
                    sxx += colXX[c];
                    syy += colYY[c];
                    sxy += colXY[c];
                }
                for (int left = 0; left < mapWidth; left++) {
                    int right = left + WINDOW - 1;
                    sx += colX[right];
                    sy += colY[right];
                    sxx += colXX[right];
                    syy += colYY[right];
                    sxy += colXY[right];
                    if (left >= firstColumn && left <= lastColumn) {
                        double mx = sx / n;
                        double my = sy / n;
                        double vx = (sxx / n - mx * mx) * n / (n - 1);
                        double vy = (syy / n - my * my) * n / (n - 1);
                        double cxy = (sxy / n - mx * my) * n / (n - 1);
                        sum += ((2 * mx * my + SSIM_C1) * (2 * cxy + SSIM_C2))
                                / ((mx * mx + my * my + SSIM_C1) * (vx + vy + SSIM_C2));
                        count++;
                    }
                    sx -= colX[left];
                    sy -= colY[left];
                    sxx -= colXX[left];
                    syy -= colYY[left];
                    sxy -= colXY[left];
                }
            }
            addRow(x, y, channel, width, top, -1, colX, colY, colXX, colYY, colXY);
        }
        return sum / count;
    }

    private static void addRow(byte[] x, byte[] y, int channel, int width, int row, int sign,
            int[] colX, int[] colY, int[] colXX, int[] colYY, int[] colXY) {
        int offset = row * width * 3 + channel;
        for (int c = 0; c < width; c++) {
            int vx = x[offset + 3 * c] & 0xFF;
            int vy = y[offset + 3 * c] & 0xFF;
            colX[c] += sign * vx;
            colY[c] += sign * vy;
            colXX[c] += sign * vx * vx;
            colYY[c] += sign * vy * vy;
            colXY[c] += sign * vx * vy;
        }
    }

    /**
     * Colourfulness of Hasler and Suesstrunk (2003):
     * {@code sqrt(sd(rg)^2 + sd(yb)^2) + 0.3 sqrt(mean(rg)^2 + mean(yb)^2)} with
     * {@code rg = R - G}, {@code yb = (R + G) / 2 - B} over 8-bit values, population standard deviations.
     */
    public static double colourfulness(Rgb8 frame) {
        byte[] p = frame.rgb();
        int n = frame.pixelCount();
        double sumRg = 0, sumYb = 0;
        for (int j = 0; j < p.length; j += 3) {
            int r = p[j] & 0xFF, g = p[j + 1] & 0xFF, b = p[j + 2] & 0xFF;
            sumRg += r - g;
            sumYb += 0.5 * (r + g) - b;
        }
        double meanRg = sumRg / n;
        double meanYb = sumYb / n;
        double varRg = 0, varYb = 0;
        for (int j = 0; j < p.length; j += 3) {
            int r = p[j] & 0xFF, g = p[j + 1] & 0xFF, b = p[j + 2] & 0xFF;
            double drg = (r - g) - meanRg;
            double dyb = (0.5 * (r + g) - b) - meanYb;
            varRg += drg * drg;
            varYb += dyb * dyb;
        }
        varRg /= n;
        varYb /= n;
        return Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
    }

    /** Per-channel histograms of 256 bins, each normalised to sum to 1: {@code [channel][value]}. */
    public static double[][] channelHistograms(Rgb8 frame) {
        long[][] counts = new long[3][256];
        byte[] p = frame.rgb();
        for (int j = 0; j < p.length; j += 3) {
            counts[0][p[j] & 0xFF]++;
            counts[1][p[j + 1] & 0xFF]++;
            counts[2][p[j + 2] & 0xFF]++;
        }
        double size = frame.pixelCount();
        double[][] histograms = new double[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                histograms[c][v] = counts[c][v] / size;
            }
        }
        return histograms;
    }

    /** Rec. 601 luma of one pixel of 8-bit codes, the weights vceval.py uses ({@link LumaMatch#exactLuma}). */
    public static double luma(int r, int g, int b) {
        return LumaMatch.exactLuma(r, g, b);
    }

    /** Luma differences between two frames, in 8-bit codes. */
    public record LumaDrift(double max, double mean) {}

    /** The largest and the mean absolute difference of Rec. 601 luma between the frames. */
    public static LumaDrift lumaDrift(Rgb8 groundTruth, Rgb8 result) {
        groundTruth.requireSameSize(result);
        byte[] x = groundTruth.rgb();
        byte[] y = result.rgb();
        double max = 0, sum = 0;
        for (int j = 0; j < x.length; j += 3) {
            double d = Math.abs(luma(x[j] & 0xFF, x[j + 1] & 0xFF, x[j + 2] & 0xFF)
                    - luma(y[j] & 0xFF, y[j + 1] & 0xFF, y[j + 2] & 0xFF));
            sum += d;
            if (d > max) {
                max = d;
            }
        }
        return new LumaDrift(max, sum / groundTruth.pixelCount());
    }

    /** Mean CIEDE2000 colour difference over all pixels (sRGB to Lab as {@link CieLab} converts). */
    public static double meanCiede2000(Rgb8 groundTruth, Rgb8 result) {
        groundTruth.requireSameSize(result);
        LabImage a = CieLab.fromRgb8(groundTruth.rgb(), groundTruth.width(), groundTruth.height());
        LabImage b = CieLab.fromRgb8(result.rgb(), result.width(), result.height());
        return Ciede2000.mean(a, b);
    }
}
