package dev.nitrate.engine.confidence;

import dev.nitrate.engine.image.FloatPlane;

/**
 * A review copy of a colorized frame: pixels whose confidence is below {@link FrameConfidence#LOW} are tinted
 * magenta along diagonal hatching lines, more strongly the lower the confidence; the rest is left as it is.
 */
public final class ConfidenceOverlay {

    /** Hatching period in pixels; every line is {@value #LINE} pixels wide. */
    static final int PERIOD = 8;
    static final int LINE = 3;
    private static final int[] TINT = {255, 0, 255};

    private ConfidenceOverlay() {}

    /**
     * The overlay of an 8-bit RGB frame.
     *
     * @param rgb interleaved 8-bit RGB, the size of {@code confidence}; not changed
     * @return a new interleaved 8-bit RGB frame
     */
    public static byte[] apply(byte[] rgb, FloatPlane confidence) {
        int width = confidence.width();
        if (rgb.length != 3 * confidence.pixelCount()) {
            throw new IllegalArgumentException("the frame holds " + rgb.length / 3 + " pixels, the confidence " + confidence.pixelCount());
        }
        byte[] out = rgb.clone();
        float[] values = confidence.values();
        for (int i = 0; i < values.length; i++) {
            float c = Math.max(0f, Math.min(1f, values[i]));
            int x = i % width;
            int y = i / width;
            if (c >= FrameConfidence.LOW || Math.floorMod(x + y, PERIOD) >= LINE) {
                continue;
            }
            float strength = 0.35f + 0.5f * (FrameConfidence.LOW - c) / FrameConfidence.LOW;
            for (int ch = 0; ch < 3; ch++) {
                int v = rgb[3 * i + ch] & 0xFF;
                out[3 * i + ch] = (byte) Math.round(v + strength * (TINT[ch] - v));
            }
        }
        return out;
    }
}
