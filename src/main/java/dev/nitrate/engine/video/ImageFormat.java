package dev.nitrate.engine.video;

/** Still-image formats for frame-sequence outputs. */
public enum ImageFormat {
    /** PNG: 8-bit RGB, or 16-bit RGB when the frame has 16 bits. Lossless. */
    PNG("png"),
    /** TIFF: always 16-bit RGB, deflate-compressed. Lossless. */
    TIFF("tif");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
