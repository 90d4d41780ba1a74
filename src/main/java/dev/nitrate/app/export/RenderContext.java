package dev.nitrate.app.export;

import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmInfo;
import java.util.List;

/** What a render needs from the editor: the film, its exemplars, settings and shots. */
public record RenderContext(FilmInfo film, List<ProjectExemplar> exemplars, ProjectSettings settings, Shots shots) {}
