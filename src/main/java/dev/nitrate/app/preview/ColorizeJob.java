package dev.nitrate.app.preview;

import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Frames {@code [first, end)} of a film to colorize at {@code width x height} with the given exemplars as
 * permanent memory.
 */
public record ColorizeJob(Path film, int first, int end, List<ProjectExemplar> exemplars, ProjectSettings settings,
                          int width, int height) {

    public ColorizeJob {
        Objects.requireNonNull(film, "film");
        exemplars = List.copyOf(exemplars);
        if (first < 0 || end <= first) {
            throw new IllegalArgumentException("empty frame range " + first + ".." + end);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad size " + width + "x" + height);
        }
    }

    public int frameCount() {
        return end - first;
    }
}
