package dev.nitrate.engine.exemplar;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A colour reference image and the film frame it is pinned to ({@code IMAGE@FRAME} on the command line).
 *
 * @param image the image file
 * @param frame the frame it belongs to; empty means the first frame that is rendered
 */
public record PinnedExemplar(Path image, OptionalLong frame) {

    public PinnedExemplar {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(frame, "frame");
        if (frame.isPresent() && frame.getAsLong() < 0) {
            throw new IllegalArgumentException("exemplar frame must be >= 0: " + frame.getAsLong());
        }
    }

    /**
     * Parses {@code IMAGE} or {@code IMAGE@FRAME}. A file name that itself contains {@code @} followed by a
     * non-number is kept whole.
     */
    public static PinnedExemplar parse(String text) {
        int at = text.lastIndexOf('@');
        if (at > 0 && at < text.length() - 1 && text.substring(at + 1).chars().allMatch(Character::isDigit)) {
            return new PinnedExemplar(Path.of(text.substring(0, at)), OptionalLong.of(Long.parseLong(text.substring(at + 1))));
        }
        return new PinnedExemplar(Path.of(text), OptionalLong.empty());
    }

    /** The frame it applies to, given the first frame that is rendered. */
    public long frameOr(long firstRenderedFrame) {
        return frame.orElse(firstRenderedFrame);
    }

    @Override
    public String toString() {
        return frame.isPresent() ? image + "@" + frame.getAsLong() : image.toString();
    }
}
