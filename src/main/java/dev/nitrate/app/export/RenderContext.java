package dev.nitrate.app.export;

import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What a render needs from the editor: the film, its exemplars, settings and shots, and the project file (or
 * {@code null} for a project not saved yet), which the render's provenance record names.
 */
public record RenderContext(FilmInfo film, List<ProjectExemplar> exemplars, ProjectSettings settings, Shots shots, Path project) {

    /** A context without a project file. */
    public RenderContext(FilmInfo film, List<ProjectExemplar> exemplars, ProjectSettings settings, Shots shots) {
        this(film, exemplars, settings, shots, null);
    }
}
