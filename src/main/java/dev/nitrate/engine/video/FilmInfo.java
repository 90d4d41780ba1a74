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
 * @param fieldOrder progressive, or interlaced with the field shown first
 * @param audioStreams the audio streams, in container order
 * @param variableTiming each frame's timestamp when the frames are not evenly spaced (variable frame rate); empty at a constant rate
 * @param missingNumbers numbers missing from a numbered image sequence (its present frames are read in order, the gaps closed up)
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
        FieldOrder fieldOrder,
        List<AudioStreamInfo> audioStreams,
        Optional<FrameTimes> variableTiming,
        List<NumberGap> missingNumbers,
        ColourTags colour) {

    public FilmInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(frameRate, "frameRate");
        timecode = Objects.requireNonNull(timecode, "timecode");
        Objects.requireNonNull(fieldOrder, "fieldOrder");
        audioStreams = List.copyOf(audioStreams);
        variableTiming = Objects.requireNonNull(variableTiming, "variableTiming");
        missingNumbers = List.copyOf(missingNumbers);
    }

    /** Whether the video is stored as interlaced fields. */
    public boolean interlaced() {
        return fieldOrder.isInterlaced();
    }

    /** Whether the frames are unevenly spaced in time (see {@link #variableTiming()}). */
    public boolean isVariableFrameRate() {
        return variableTiming.isPresent();
    }

    /** Seconds from the start of frame 0 to the start of the given frame, from the frame timestamps at a variable rate. */
    public double secondsAt(long frame) {
        return variableTiming.map(times -> times.secondsAt(frame)).orElseGet(() -> frameRate.secondsAt(frame));
    }

    /** Duration in seconds: frame count divided by the frame rate, or the span of the timestamps at a variable rate. */
    public double durationSeconds() {
        return secondsAt(frameCount);
    }

    /** Whether decoded frames carry more than 8 bits per component (kept as 16-bit RGB). */
    public boolean isHighBitDepth() {
        return bitDepth > 8;
    }
}
