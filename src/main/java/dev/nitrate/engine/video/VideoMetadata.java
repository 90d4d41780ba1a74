package dev.nitrate.engine.video;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a video output keeps of its source besides the pictures and the sound.
 *
 * @param timecode the start timecode of the output's first frame, written as the video stream's {@code timecode} (a {@code tmcd}
 *     track in MOV and MP4, a tag in Matroska)
 * @param fieldOrder the field order flagged on the output's video stream ({@link FieldOrder#UNKNOWN} flags nothing)
 * @param frameTimes the timestamp of every output frame, counted from 0, when they are uneven; empty for the constant frame rate
 * @param containerTags tags of the whole file (Matroska tags; in MOV and MP4 {@code mdta} metadata keys), in a fixed order
 */
public record VideoMetadata(Optional<String> timecode, FieldOrder fieldOrder, Optional<FrameTimes> frameTimes, Map<String, String> containerTags) {

    public VideoMetadata {
        Objects.requireNonNull(timecode, "timecode");
        Objects.requireNonNull(fieldOrder, "fieldOrder");
        Objects.requireNonNull(frameTimes, "frameTimes");
        containerTags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(containerTags));
    }

    /** Without container tags. */
    public VideoMetadata(Optional<String> timecode, FieldOrder fieldOrder, Optional<FrameTimes> frameTimes) {
        this(timecode, fieldOrder, frameTimes, Map.of());
    }

    /** The same metadata with these container tags instead. */
    public VideoMetadata withContainerTags(Map<String, String> tags) {
        return new VideoMetadata(timecode, fieldOrder, frameTimes, tags);
    }

    /** No timecode, no field order, constant frame rate. */
    public static VideoMetadata none() {
        return new VideoMetadata(Optional.empty(), FieldOrder.UNKNOWN, Optional.empty());
    }
}
