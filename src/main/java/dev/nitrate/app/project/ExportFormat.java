package dev.nitrate.app.project;

/** Output formats of an export. */
public enum ExportFormat {
    MP4_H264("MP4 (H.264)", false),
    MP4_H265("MP4 (H.265)", false),
    PNG_SEQUENCE("PNG sequence", true),
    TIFF_SEQUENCE("TIFF sequence (16-bit)", true);

    private final String label;
    private final boolean imageSequence;

    ExportFormat(String label, boolean imageSequence) {
        this.label = label;
        this.imageSequence = imageSequence;
    }

    public boolean imageSequence() {
        return imageSequence;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
