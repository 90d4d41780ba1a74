package dev.nitrate.app.adapters;

import dev.nitrate.app.exemplars.ExemplarFitter;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.Exemplars;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.MediaException;
import java.nio.file.Path;

/** Loads and fits exemplars with the engine's exemplar package, as renders do. */
public final class EngineExemplarFitter implements ExemplarFitter {

    @Override
    public LabImage fit(Path image, ExemplarFit fit, int width, int height) throws FilmException {
        try {
            return Exemplars.fit(Exemplars.load(image), width, height, fit);
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
    }
}
