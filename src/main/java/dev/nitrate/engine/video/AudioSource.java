package dev.nitrate.engine.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Audio to copy, unchanged, from a film into a video output.
 *
 * @param film the film the audio streams belong to
 * @param streamIndexes container indexes of the audio streams to copy
 * @param startSeconds source time of the first output frame (relative to the film's first frame)
 * @param endSeconds source time where the output ends, or {@code Double.POSITIVE_INFINITY} for the whole film
 */
public record AudioSource(Path film, List<Integer> streamIndexes, double startSeconds, double endSeconds) {

    public AudioSource {
        Objects.requireNonNull(film, "film");
        streamIndexes = List.copyOf(streamIndexes);
    }
}
