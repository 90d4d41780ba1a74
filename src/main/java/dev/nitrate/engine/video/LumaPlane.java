package dev.nitrate.engine.video;

import java.util.Objects;

/**
 * The Y plane of a frame as the video stores it: the samples at their own bit depth and range, for luma lock.
 *
 * @param width plane width
 * @param height plane height
 * @param bits significant bits per sample (8 to 16)
 * @param fullRange whether the samples use the full range (0 to {@code 2^bits - 1}) rather than the limited one (16-235 at 8 bits)
 * @param samples {@code width * height} unsigned samples, row by row
 */
public record LumaPlane(int width, int height, int bits, boolean fullRange, short[] samples) {

    public LumaPlane {
        Objects.requireNonNull(samples, "samples");
        if (bits < 8 || bits > 16) {
            throw new IllegalArgumentException("luma of " + bits + " bits");
        }
        if (samples.length != width * height) {
            throw new IllegalArgumentException("luma plane does not hold " + width + "x" + height + " samples");
        }
    }

    /** The sample at a pixel, as an unsigned value. */
    public int sample(int x, int y) {
        return samples[y * width + x] & 0xFFFF;
    }

    /** The plane's samples converted to another depth and range, rounded; unchanged values where both are the same. */
    public int[] convertedTo(int targetBits, boolean targetFullRange) {
        int[] out = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = convert(samples[i] & 0xFFFF, bits, fullRange, targetBits, targetFullRange);
        }
        return out;
    }

    /**
     * One sample from one depth and range to another. Limited-range values scale by a power of two (16 at 8 bits is 64
     * at 10 bits); full-range values by {@code (2^target - 1) / (2^source - 1)}; across ranges through the value as displayed.
     */
    public static int convert(int value, int bits, boolean fullRange, int targetBits, boolean targetFullRange) {
        if (bits == targetBits && fullRange == targetFullRange) {
            return value;
        }
        int max = (1 << targetBits) - 1;
        if (!fullRange && !targetFullRange) {
            int shifted = targetBits >= bits ? value << (targetBits - bits) : (value + (1 << (bits - targetBits - 1))) >> (bits - targetBits);
            return Math.min(max, shifted);
        }
        double displayed = fullRange ? value / (double) ((1 << bits) - 1) : (value - 16.0 * (1 << (bits - 8))) / (219.0 * (1 << (bits - 8)));
        double target = targetFullRange ? displayed * max : 16.0 * (1 << (targetBits - 8)) + displayed * 219.0 * (1 << (targetBits - 8));
        return (int) Math.max(0, Math.min(max, Math.round(target)));
    }
}
