package dev.nitrate.engine.render;

/**
 * Frames {@code first..last} of a film, both inclusive, counted from 0.
 */
public record FrameRange(long first, long last) {

    public FrameRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a frame range: " + first + "-" + last);
        }
    }

    /** Parses {@code A-B} (inclusive) or a single frame {@code A}. */
    public static FrameRange parse(String text) {
        String t = text.trim();
        try {
            int dash = t.indexOf('-', 1);
            if (dash < 0) {
                long frame = Long.parseLong(t);
                return new FrameRange(frame, frame);
            }
            return new FrameRange(Long.parseLong(t.substring(0, dash).trim()), Long.parseLong(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a frame range: '" + text + "' (use A-B, e.g. 0-239)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a frame range: '" + text + "' (use A-B with 0 <= A <= B)");
        }
    }

    public long frameCount() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
