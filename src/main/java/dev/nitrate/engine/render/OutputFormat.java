package dev.nitrate.engine.render;

import dev.nitrate.engine.video.ColourTags;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.engine.video.VideoEncodeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a render writes: a video file, or a folder of numbered frames. */
public enum OutputFormat {
    /** H.264 ({@code libx264}, 8-bit {@code yuv420p}) in the container the file name asks for (.mp4, .mov, .mkv). */
    H264(VideoCodec.H264, null, 8),
    /** H.265 ({@code libx265}, 8-bit {@code yuv420p}) in the container the file name asks for. */
    H265(VideoCodec.H265, null, 8),
    /** H.265 ({@code libx265}, 10-bit {@code yuv420p10le}) in the container the file name asks for. */
    H265_10(VideoCodec.H265, null, 10),
    /** FFV1 (lossless, {@code yuv444p} or planar RGB at the source's depth, 8 to 16 bits) in .mkv or .mov. */
    FFV1(VideoCodec.FFV1, null, 0),
    /** A folder of PNG files (8-bit, or 16-bit for deeper sources). */
    PNG(null, ImageFormat.PNG, 0),
    /** A folder of 16-bit TIFF files. */
    TIFF(null, ImageFormat.TIFF, 16);

    private final VideoCodec codec;
    private final ImageFormat imageFormat;
    private final int fixedBitDepth;

    OutputFormat(VideoCodec codec, ImageFormat imageFormat, int fixedBitDepth) {
        this.codec = codec;
        this.imageFormat = imageFormat;
        this.fixedBitDepth = fixedBitDepth;
    }

    /** The name {@code --format} takes, e.g. {@code h265-10}. */
    public String cliName() {
        return this == H265_10 ? "h265-10" : name().toLowerCase(Locale.ROOT);
    }

    /** Bits per component this format keeps of a film: fixed for most, the film's own (8 to 16) for FFV1 and PNG. */
    public int keptBitDepth(FilmInfo film) {
        if (fixedBitDepth > 0) {
            return fixedBitDepth;
        }
        int depth = film.bitDepth();
        if (this == PNG) {
            return depth > 8 ? 16 : 8;
        }
        return depth <= 8 ? 8 : depth <= 10 ? 10 : depth <= 12 ? 12 : 16;
    }

    /** The encoder settings of a video format for this film: its depth, and the film's colour tags carried over. */
    public VideoEncodeSettings encodeSettings(FilmInfo film, int crf, boolean lossless, String preset) {
        VideoCodec videoCodec = codec().orElseThrow(() -> new IllegalStateException(this + " is not a video format"));
        return new VideoEncodeSettings(videoCodec, crf, lossless, preset, film.width(), film.height(), film.frameRate(), keptBitDepth(film), film.colour());
    }

    /** Why this format cannot be stored in the container (FFmpeg's muxer name), if it cannot. */
    public Optional<String> containerProblem(String container) {
        if (this == FFV1 && container.equals("mp4")) {
            return Optional.of("FFV1 is stored in .mkv or .mov, not .mp4");
        }
        return Optional.empty();
    }

    /**
     * One line each for what this output does not keep of the film: bits per component beyond the format's depth
     * (naming a format that keeps them), and for video the colour tags the film does not state (naming what is written).
     */
    public List<String> fidelityNotes(FilmInfo film) {
        List<String> notes = new ArrayList<>();
        int kept = keptBitDepth(film);
        if (film.bitDepth() > kept) {
            String better = film.bitDepth() <= 10 && this != H265_10 ? "--format h265-10 or ffv1" : "--format ffv1 (or tiff frames)";
            notes.add(film.source() + " has " + film.bitDepth() + "-bit video; " + cliName() + " keeps " + kept
                    + " bits per component, so the output loses " + (film.bitDepth() - kept) + " bits; " + better + " keeps them");
        }
        if (isVideo()) {
            ColourTags source = film.colour();
            ColourTags written = encodeSettings(film, 0, true, "medium").outputTags();
            if (source.isRgb()) {
                if (this != FFV1) {
                    notes.add(film.source() + " is RGB; the video is converted to YUV with the BT.709 matrix and tagged " + written.describe());
                }
            } else if (source.hasUnconvertibleMatrix()) {
                notes.add(film.source() + " uses a colour matrix Nitrate cannot convert to (" + source.describe() + "); the output is tagged "
                        + written.describe());
            } else if (!source.unstated().isEmpty()) {
                notes.add(film.source() + " does not state its colour " + String.join(", ", source.unstated()) + "; the output is tagged "
                        + written.describe());
            }
        }
        return notes;
    }

    public boolean isVideo() {
        return codec != null;
    }

    public Optional<VideoCodec> codec() {
        return Optional.ofNullable(codec);
    }

    public Optional<ImageFormat> imageFormat() {
        return Optional.ofNullable(imageFormat);
    }

    /** Parses {@code h264}, {@code h265}/{@code hevc}, {@code h265-10}, {@code ffv1}, {@code png} or {@code tiff}. */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "h264", "mp4", "avc" -> H264;
            case "h265", "hevc" -> H265;
            case "h265-10", "hevc-10", "h265_10" -> H265_10;
            case "ffv1" -> FFV1;
            case "png" -> PNG;
            case "tif", "tiff" -> TIFF;
            default -> throw new IllegalArgumentException("not an output format: '" + text + "' (use h264, h265, h265-10, ffv1, png or tiff)");
        };
    }

    /** The format an output path implies: a video extension means H.264, anything else a PNG folder. */
    public static OutputFormat impliedBy(Path output) {
        return containerFor(output).isPresent() ? H264 : PNG;
    }

    /** FFmpeg's muxer for a video output path, from its extension. */
    public static Optional<String> containerFor(Path output) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4") || name.endsWith(".m4v")) {
            return Optional.of("mp4");
        }
        if (name.endsWith(".mov")) {
            return Optional.of("mov");
        }
        if (name.endsWith(".mkv")) {
            return Optional.of("matroska");
        }
        return Optional.empty();
    }
}
