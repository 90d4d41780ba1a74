package dev.nitrate.engine.video;

/**
 * The size a picture is shown at: the largest that fits inside a box with the picture's aspect ratio, never larger
 * than the picture itself.
 */
public record DisplaySize(int width, int height) {

    public DisplaySize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("display size " + width + "x" + height + " is empty");
        }
    }

    /** The size of a {@code width x height} picture fitted inside {@code maxWidth x maxHeight}; a box with a zero side keeps the picture's size. */
    public static DisplaySize fitting(int width, int height, int maxWidth, int maxHeight) {
        if (maxWidth <= 0 || maxHeight <= 0 || width <= maxWidth && height <= maxHeight) {
            return new DisplaySize(width, height);
        }
        double scale = Math.min((double) maxWidth / width, (double) maxHeight / height);
        return new DisplaySize(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }
}
