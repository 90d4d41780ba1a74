package dev.nitrate.engine.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a film is: its size, exact frame rate, frame count and streams.
 *
 * @param source the file, folder or printf pattern that was opened
 * @param kind a video file or an image sequence
 * @param container FFmpeg's name of the container (or of the image format, for sequences)
 * @param codec FFmpeg's name of the video codec
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param bitDepth bits per component of the decoded video (8, 10, 12, 16)
 * @param pixelFormat FFmpeg's name of the decoded pixel format
 * @param frameRate exact frame rate
 * @param frameCount number of frames a sequential decode yields
 * @param timecode the start timecode recorded in the file, if any
 * @param interlaced whether the video is stored as interlaced fields
 * @param audioStreams the audio streams, in container order
 * @param colour the colour range, primaries, transfer and matrix the first frame is tagged with
 */
public record FilmInfo(
        Path source,
        SourceKind kind,
        String container,
        String codec,
        int width,
        int height,
        int bitDepth,
        String pixelFormat,
        Rational frameRate,
        long frameCount,
        Optional<String> timecode,
        boolean interlaced,
        List<AudioStreamInfo> audioStreams,
        ColourTags colour) {

    /** A film whose colour description is not known. */
    public FilmInfo(Path source, SourceKind kind, String container, String codec, int width, int height, int bitDepth, String pixelFormat,
            Rational frameRate, long frameCount, Optional<String> timecode, boolean interlaced, List<AudioStreamInfo> audioStreams) {
        this(source, kind, container, codec, width, height, bitDepth, pixelFormat, frameRate, frameCount, timecode, interlaced, audioStreams,
                ColourTags.UNSPECIFIED);
    }

    public FilmInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(frameRate, "frameRate");
        timecode = Objects.requireNonNull(timecode, "timecode");
        audioStreams = List.copyOf(audioStreams);
    }

    /** Duration in seconds: frame count divided by the frame rate. */
    public double durationSeconds() {
        return frameRate.secondsAt(frameCount);
    }

    /** Whether decoded frames carry more than 8 bits per component (kept as 16-bit RGB). */
    public boolean isHighBitDepth() {
        return bitDepth > 8;
    }
}
