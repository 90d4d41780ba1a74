package dev.nitrate.engine.video;

/** How a film's frames are scanned: progressive, or interlaced with one field shown first. */
public enum FieldOrder {
    /** The file does not say; treated as progressive, and left unsaid in outputs. */
    UNKNOWN(0, "not flagged interlaced"),
    PROGRESSIVE(1, "progressive"),
    TOP_FIRST(2, "interlaced, top field first"),
    BOTTOM_FIRST(3, "interlaced, bottom field first");

    private final int ffmpegValue;
    private final String description;

    FieldOrder(int ffmpegValue, String description) {
        this.ffmpegValue = ffmpegValue;
        this.description = description;
    }

    /** Whether the frames hold two fields each. */
    public boolean isInterlaced() {
        return this == TOP_FIRST || this == BOTTOM_FIRST;
    }

    /** Words for messages, e.g. {@code interlaced, top field first}. */
    public String description() {
        return description;
    }

    /** FFmpeg's {@code AVFieldOrder} for this order, as written into an output stream. */
    int ffmpegValue() {
        return ffmpegValue;
    }

    /** The display order of FFmpeg's {@code AVFieldOrder} (the order fields are coded in does not matter once decoded). */
    static FieldOrder fromFfmpeg(int value) {
        return switch (value) {
            case 1 -> PROGRESSIVE;
            case 2, 5 -> TOP_FIRST;
            case 3, 4 -> BOTTOM_FIRST;
            default -> UNKNOWN;
        };
    }
}
