package dev.nitrate.app.timeline;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmReader;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Finds the cuts of a film for the timeline: the editor's door to the engine's shot detector. */
@FunctionalInterface
public interface ShotFinder {

    /**
     * @param progress hears the number of frames examined
     * @param cancelled polled between frames; return what is found so far when it turns true
     */
    Shots detect(FilmReader reader, IntConsumer progress, BooleanSupplier cancelled) throws FilmException;
}
