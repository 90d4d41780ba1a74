package dev.nitrate.app.timeline;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmReader;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Finds the cuts of a film. */
@FunctionalInterface
public interface ShotDetector {

    /**
     * @param progress hears the number of frames examined
     * @param cancelled polled between frames; return what is found so far when it turns true
     */
    Shots detect(FilmReader reader, IntConsumer progress, BooleanSupplier cancelled) throws FilmException;
}
