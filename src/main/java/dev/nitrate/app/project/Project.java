package dev.nitrate.app.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a user's colorization work consists of: the film, the exemplars pinned to it, the settings
 * and the renders in progress. All paths are absolute in memory; {@link ProjectStore} relativizes them on disk.
 *
 * @param film the film file or image-sequence folder, or {@code null} for a project without a film yet
 */
public record Project(Path film, List<ProjectExemplar> exemplars, ProjectSettings settings, List<RenderRecord> renders) {

    public Project {
        exemplars = List.copyOf(exemplars);
        renders = List.copyOf(renders);
        Objects.requireNonNull(settings, "settings");
    }

    public static Project empty() {
        return new Project(null, List.of(), ProjectSettings.DEFAULTS, List.of());
    }

    public Project withFilm(Path newFilm) {
        return new Project(newFilm, exemplars, settings, renders);
    }

    public Project withExemplars(List<ProjectExemplar> newExemplars) {
        return new Project(film, newExemplars, settings, renders);
    }

    public Project withSettings(ProjectSettings newSettings) {
        return new Project(film, exemplars, newSettings, renders);
    }

    public Project withRenders(List<RenderRecord> newRenders) {
        return new Project(film, exemplars, settings, newRenders);
    }
}
