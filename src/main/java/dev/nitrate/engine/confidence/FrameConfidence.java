package dev.nitrate.engine.confidence;

import dev.nitrate.engine.image.FloatPlane;

/**
 * A frame's confidence in one number, from the colorizer's per-pixel confidence (docs/confidence.md).
 *
 * @param score the mean per-pixel confidence, in [0, 1]: the frame's score (low: a new exemplar would help)
 * @param lowFraction the fraction of pixels whose confidence is below {@link #LOW}, in [0, 1]
 */
public record FrameConfidence(double score, double lowFraction) {

    /** The confidence under which a pixel counts as guessed (the overlay marks these). */
    public static final float LOW = 0.5f;

    public FrameConfidence {
        if (!(score >= 0 && score <= 1) || !(lowFraction >= 0 && lowFraction <= 1)) {
            throw new IllegalArgumentException("score and lowFraction must be in [0, 1], got " + score + ", " + lowFraction);
        }
    }

    /** The score of a confidence plane; values outside [0, 1] count as clamped into it. */
    public static FrameConfidence of(FloatPlane confidence) {
        float[] values = confidence.values();
        if (values.length == 0) {
            throw new IllegalArgumentException("an empty confidence plane has no score");
        }
        double sum = 0;
        long low = 0;
        for (float v : values) {
            float c = Math.max(0f, Math.min(1f, v));
            sum += c;
            if (c < LOW) {
                low++;
            }
        }
        return new FrameConfidence(Math.min(1.0, sum / values.length), low / (double) values.length);
    }
}
