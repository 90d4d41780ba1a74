package dev.nitrate.engine.video;

import java.util.Objects;
import java.util.Optional;

/**
 * What a video output keeps of its source besides the pictures and the sound.
 *
 * @param timecode the start timecode of the output's first frame, written as the video stream's {@code timecode} (a {@code tmcd}
 *     track in MOV and MP4, a tag in Matroska)
 * @param fieldOrder the field order flagged on the output's video stream ({@link FieldOrder#UNKNOWN} flags nothing)
 * @param frameTimes the timestamp of every output frame, counted from 0, when they are uneven; empty for the constant frame rate
 */
public record VideoMetadata(Optional<String> timecode, FieldOrder fieldOrder, Optional<FrameTimes> frameTimes) {

    public VideoMetadata {
        Objects.requireNonNull(timecode, "timecode");
        Objects.requireNonNull(fieldOrder, "fieldOrder");
        Objects.requireNonNull(frameTimes, "frameTimes");
    }

    /** No timecode, no field order, constant frame rate. */
    public static VideoMetadata none() {
        return new VideoMetadata(Optional.empty(), FieldOrder.UNKNOWN, Optional.empty());
    }
}
