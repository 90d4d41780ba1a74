package dev.nitrate.engine.video;

import java.util.Objects;

/**
 * How to open a film.
 *
 * @param sequenceFrameRate the frame rate of an image sequence (image files carry none)
 * @param withVideoLuma also deliver each frame's luma as an 8-bit {@code yuv420p} video holds it (for luma lock)
 */
public record FilmOpenOptions(Rational sequenceFrameRate, boolean withVideoLuma) {

    public static final Rational DEFAULT_SEQUENCE_RATE = new Rational(24, 1);

    public FilmOpenOptions {
        Objects.requireNonNull(sequenceFrameRate, "sequenceFrameRate");
    }

    public static FilmOpenOptions defaults() {
        return new FilmOpenOptions(DEFAULT_SEQUENCE_RATE, false);
    }

    public FilmOpenOptions withVideoLuma(boolean enabled) {
        return new FilmOpenOptions(sequenceFrameRate, enabled);
    }
}
