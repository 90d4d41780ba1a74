package dev.nitrate.app.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a user's colorization work consists of: the film, the exemplars pinned to it, the settings
 * and the renders in progress. All paths are absolute in memory; {@link ProjectStore} relativizes them on disk.
 *
 * @param film the film file or image-sequence folder, or {@code null} for a project without a film yet
 * @param shotStarts the first frame of each shot as the user edited them (starting with 0), or empty when the
 *     shots are the ones detected in the film
 */
public record Project(Path film, List<ProjectExemplar> exemplars, ProjectSettings settings, List<RenderRecord> renders,
                      List<Integer> shotStarts) {

    public Project {
        exemplars = List.copyOf(exemplars);
        renders = List.copyOf(renders);
        shotStarts = List.copyOf(shotStarts);
        Objects.requireNonNull(settings, "settings");
    }

    /** A project whose shots are the detected ones. */
    public Project(Path film, List<ProjectExemplar> exemplars, ProjectSettings settings, List<RenderRecord> renders) {
        this(film, exemplars, settings, renders, List.of());
    }

    public static Project empty() {
        return new Project(null, List.of(), ProjectSettings.DEFAULTS, List.of());
    }

    public Project withFilm(Path newFilm) {
        return new Project(newFilm, exemplars, settings, renders, shotStarts);
    }

    public Project withExemplars(List<ProjectExemplar> newExemplars) {
        return new Project(film, newExemplars, settings, renders, shotStarts);
    }

    public Project withSettings(ProjectSettings newSettings) {
        return new Project(film, exemplars, newSettings, renders, shotStarts);
    }

    public Project withRenders(List<RenderRecord> newRenders) {
        return new Project(film, exemplars, settings, newRenders, shotStarts);
    }
}
