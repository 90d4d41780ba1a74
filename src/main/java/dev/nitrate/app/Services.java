package dev.nitrate.app;

import dev.nitrate.app.compare.ShotFigures;
import dev.nitrate.app.exemplars.ExemplarFitter;
import dev.nitrate.app.export.Renderer;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.settings.DeviceProbe;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.app.timeline.ShotFinder;
import dev.nitrate.engine.colorize.ColorizerFactory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the editor needs from the engine, handed in by the composition root ({@link Composition}) or by a test.
 *
 * @param appData folder for recent files, autosave recovery and render checkpoints
 * @param tasks the editor's background lanes; whoever creates them closes them when the app ends
 */
public record Services(FilmOpener films, ShotFinder shotFinder, ExemplarFitter exemplarFitter,
                       ColorizerFactory colorizers, ShotFigures figures, Renderer renderer, DeviceProbe devices,
                       ProjectStore projects, Path appData, TaskLanes tasks) {

    public Services {
        Objects.requireNonNull(films);
        Objects.requireNonNull(shotFinder);
        Objects.requireNonNull(exemplarFitter);
        Objects.requireNonNull(colorizers);
        Objects.requireNonNull(figures);
        Objects.requireNonNull(renderer);
        Objects.requireNonNull(devices);
        Objects.requireNonNull(projects);
        Objects.requireNonNull(appData);
        Objects.requireNonNull(tasks);
    }
}
