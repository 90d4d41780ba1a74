package dev.nitrate.engine.exemplar;

import dev.nitrate.engine.video.RgbPixels;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** Reduces very large pictures by averaging square blocks of whole pixels, in integers, one output row at a time. */
final class LargeImages {

    private LargeImages() {}

    /**
     * The picture itself when it has at most {@code maxPixels} pixels; otherwise the picture reduced by the largest
     * whole factor that keeps it at least {@code minWidth x minHeight} (or, with no minimum, near {@code maxPixels}).
     * Blocks at the right and bottom edges average the pixels they have.
     */
    static RgbPixels reduce(RgbPixels pixels, int minWidth, int minHeight, long maxPixels) {
        int width = pixels.width();
        int height = pixels.height();
        if ((long) width * height <= maxPixels) {
            return pixels;
        }
        int factor = minWidth > 0 && minHeight > 0
                ? Math.min(width / minWidth, height / minHeight)
                : (int) Math.ceil(Math.sqrt((double) width * height / maxPixels));
        if (factor < 2) {
            return pixels;
        }
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        if (pixels instanceof RgbPixels.Rgb16 sixteen) {
            short[] rgb = sixteen.rgb();
            int[] averaged = blockAverage(width, height, factor, index -> rgb[index] & 0xFFFF);
            short[] out = new short[averaged.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) averaged[i];
            }
            return new RgbPixels.Rgb16(outWidth, outHeight, out);
        }
        byte[] rgb = pixels.toRgb8();
        int[] averaged = blockAverage(width, height, factor, index -> rgb[index] & 0xFF);
        byte[] out = new byte[averaged.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) averaged[i];
        }
        return new RgbPixels.Rgb8(outWidth, outHeight, out);
    }

    /** The rounded mean of each {@code factor x factor} block of interleaved RGB samples, row by row. */
    private static int[] blockAverage(int width, int height, int factor, IntUnaryOperator sample) {
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        int[] out = new int[outWidth * outHeight * 3];
        long[] sums = new long[outWidth * 3];
        for (int oy = 0; oy < outHeight; oy++) {
            Arrays.fill(sums, 0);
            int rows = Math.min(factor, height - oy * factor);
            for (int y = oy * factor; y < oy * factor + rows; y++) {
                int row = y * width * 3;
                for (int x = 0; x < width * 3; x++) {
                    sums[(x / 3 / factor) * 3 + x % 3] += sample.applyAsInt(row + x);
                }
            }
            for (int ox = 0; ox < outWidth; ox++) {
                long count = (long) rows * Math.min(factor, width - ox * factor);
                for (int c = 0; c < 3; c++) {
                    out[(oy * outWidth + ox) * 3 + c] = (int) ((sums[ox * 3 + c] + count / 2) / count);
                }
            }
        }
        return out;
    }
}
