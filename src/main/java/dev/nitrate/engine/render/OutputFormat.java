package dev.nitrate.engine.render;

import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.VideoCodec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What a render writes: a video file, or a folder of numbered frames. */
public enum OutputFormat {
    /** H.264 ({@code libx264}, {@code yuv420p}) in the container the file name asks for (.mp4, .mov, .mkv). */
    H264(VideoCodec.H264, null),
    /** H.265 ({@code libx265}, {@code yuv420p}) in the container the file name asks for. */
    H265(VideoCodec.H265, null),
    /** A folder of PNG files (8-bit, or 16-bit for deeper sources). */
    PNG(null, ImageFormat.PNG),
    /** A folder of 16-bit TIFF files. */
    TIFF(null, ImageFormat.TIFF);

    private final VideoCodec codec;
    private final ImageFormat imageFormat;

    OutputFormat(VideoCodec codec, ImageFormat imageFormat) {
        this.codec = codec;
        this.imageFormat = imageFormat;
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

    /** Parses {@code h264}, {@code h265}/{@code hevc}, {@code png} or {@code tiff}. */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "h264", "mp4", "avc" -> H264;
            case "h265", "hevc" -> H265;
            case "png" -> PNG;
            case "tif", "tiff" -> TIFF;
            default -> throw new IllegalArgumentException("not an output format: '" + text + "' (use h264, h265, png or tiff)");
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
