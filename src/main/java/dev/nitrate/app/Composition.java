package dev.nitrate.app;

import dev.nitrate.app.interim.ColourFigures;
import dev.nitrate.app.interim.HistogramShotDetector;
import dev.nitrate.app.interim.InterimFilmOpener;
import dev.nitrate.app.interim.InterimFrameSinks;
import dev.nitrate.app.interim.OrtDeviceProbe;
import dev.nitrate.app.interim.ScalingExemplarFitter;
import dev.nitrate.engine.model.ColorizerFactory;
import dev.nitrate.engine.model.PackException;
import dev.nitrate.engine.project.ProjectStore;
import java.nio.file.Path;

/** The composition root: builds the editor's services from the engine. Nothing else creates services. */
public final class Composition {

    /** The engine's pack colorizer, looked up by name so that the editor builds before the engine branch lands. */
    static final String PACK_COLORIZER_FACTORY = "dev.nitrate.engine.model.PackColorizerFactory";

    private Composition() {}

    public static Services create(Path appData) {
        return new Services(new InterimFilmOpener(), new HistogramShotDetector(), new ScalingExemplarFitter(),
                packColorizers(), new ColourFigures(), new InterimFrameSinks(), new OrtDeviceProbe(), new ProjectStore(),
                appData);
    }

    /** The folder for recent files, recovery autosaves and render checkpoints. */
    public static Path defaultAppData() {
        String override = System.getProperty("nitrate.appdata");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".nitrate");
    }

    static ColorizerFactory packColorizers() {
        try {
            Class<?> type = Class.forName(PACK_COLORIZER_FACTORY);
            return (ColorizerFactory) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return (pack, options, w, h) -> {
                throw new PackException("the pack colorizer (" + PACK_COLORIZER_FACTORY + ") is not part of this build,"
                        + " so " + pack + " cannot be loaded");
            };
        }
    }
}
