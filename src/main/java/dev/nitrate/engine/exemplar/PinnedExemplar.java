package dev.nitrate.engine.exemplar;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A colour reference image, the film frame it is pinned to and, optionally, its own fit
 * ({@code IMAGE[@FRAME][:FIT]} on the command line).
 *
 * @param image the image file
 * @param frame the frame it belongs to; empty means the first frame that is rendered
 * @param fit how this exemplar is fitted to the frame; empty means the render's default fit
 */
public record PinnedExemplar(Path image, OptionalLong frame, Optional<ExemplarFit> fit) {

    public PinnedExemplar {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(fit, "fit");
        if (frame.isPresent() && frame.getAsLong() < 0) {
            throw new IllegalArgumentException("exemplar frame must be >= 0: " + frame.getAsLong());
        }
    }

    /** An exemplar that uses the render's default fit. */
    public PinnedExemplar(Path image, OptionalLong frame) {
        this(image, frame, Optional.empty());
    }

    /**
     * Parses {@code IMAGE}, {@code IMAGE@FRAME}, {@code IMAGE:FIT} or {@code IMAGE@FRAME:FIT}, where FIT is
     * {@code stretch}, {@code crop} or {@code pad} (any case). A file name that itself contains {@code @} followed by a
     * non-number is kept whole; a trailing {@code :word} that is not a fit is part of the file name.
     */
    public static PinnedExemplar parse(String text) {
        Optional<ExemplarFit> fit = Optional.empty();
        int colon = text.lastIndexOf(':');
        if (colon > 0) {
            String suffix = text.substring(colon + 1).toUpperCase(Locale.ROOT);
            for (ExemplarFit candidate : ExemplarFit.values()) {
                if (candidate.name().equals(suffix)) {
                    fit = Optional.of(candidate);
                    text = text.substring(0, colon);
                    break;
                }
            }
        }
        int at = text.lastIndexOf('@');
        if (at > 0 && at < text.length() - 1 && text.substring(at + 1).chars().allMatch(Character::isDigit)) {
            return new PinnedExemplar(Path.of(text.substring(0, at)), OptionalLong.of(Long.parseLong(text.substring(at + 1))), fit);
        }
        return new PinnedExemplar(Path.of(text), OptionalLong.empty(), fit);
    }

    /** The frame it applies to, given the first frame that is rendered. */
    public long frameOr(long firstRenderedFrame) {
        return frame.orElse(firstRenderedFrame);
    }

    /** Its fit, given the render's default fit. */
    public ExemplarFit fitOr(ExemplarFit defaultFit) {
        return fit.orElse(defaultFit);
    }

    @Override
    public String toString() {
        String pinned = frame.isPresent() ? image + "@" + frame.getAsLong() : image.toString();
        return fit.map(f -> pinned + ":" + f.name().toLowerCase(Locale.ROOT)).orElse(pinned);
    }
}
