package dev.nitrate.app.timeline;

/** The timeline's rows, top to bottom, with their heights in pixels. */
public enum TimelineRow {
    RULER(20),
    THUMBNAILS(68),
    SHOTS(16),
    EXEMPLAR_PINS(18),
    COVERAGE(20),
    PREVIEWED(8),
    FIGURES(56),
    SUGGESTIONS(28);

    private final double height;

    TimelineRow(double height) {
        this.height = height;
    }

    public double height() {
        return height;
    }

    public double top() {
        double top = 0;
        for (TimelineRow row : values()) {
            if (row == this) {
                return top;
            }
            top += row.height;
        }
        throw new AssertionError(this);
    }

    public double bottom() {
        return top() + height;
    }

    /** The row at {@code y}, or null below the last. */
    public static TimelineRow at(double y) {
        for (TimelineRow row : values()) {
            if (y >= row.top() && y < row.bottom()) {
                return row;
            }
        }
        return null;
    }

    /** The height of all rows. */
    public static double total() {
        return SUGGESTIONS.bottom();
    }
}
