package dev.nitrate.app;

import dev.nitrate.app.adapters.EngineExemplarFitter;
import dev.nitrate.app.adapters.EngineFilmOpener;
import dev.nitrate.app.adapters.EngineRenderer;
import dev.nitrate.app.adapters.EngineShotFigures;
import dev.nitrate.app.adapters.EngineShotFinder;
import dev.nitrate.app.adapters.OrtDeviceProbe;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.TaskLanes;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colormnet.PackColorizerFactory;
import java.nio.file.Path;

/** The composition root: builds the editor's services from the engine. Nothing else creates services. */
public final class Composition {

    private Composition() {}

    public static Services create(Path appData) {
        ColorizerFactory colorizers = new PackColorizerFactory();
        return new Services(new EngineFilmOpener(), new EngineShotFinder(), new EngineExemplarFitter(), colorizers,
                new EngineShotFigures(), new EngineRenderer(colorizers), new OrtDeviceProbe(), new ProjectStore(), appData,
                new TaskLanes());
    }

    /** The folder for recent files, recovery autosaves and render checkpoints. */
    public static Path defaultAppData() {
        String override = System.getProperty("nitrate.appdata");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".nitrate");
    }
}
