package dev.nitrate.app.exemplars;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.exemplar.ExemplarFit;
import java.nio.file.Path;

/** Reads an exemplar picture and fits it to a frame size, in Lab, ready for the colorizer. */
@FunctionalInterface
public interface ExemplarFitter {

    LabImage fit(Path image, ExemplarFit fit, int width, int height) throws FilmException;
}
