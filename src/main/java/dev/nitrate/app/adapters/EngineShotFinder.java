package dev.nitrate.app.adapters;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.timeline.ShotFinder;
import dev.nitrate.engine.shots.ShotDetector;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.MediaException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** The engine's cut detector over the whole film (the one a render uses, so previews and exports agree). */
public final class EngineShotFinder implements ShotFinder {

    @Override
    public Shots detect(FilmReader reader, IntConsumer progress, BooleanSupplier cancelled) throws FilmException {
        int frames = FilmFacts.frameCount(reader.info());
        try {
            return Shots.ofDetected(frames, ShotDetector.detect(reader, 0, frames - 1, done -> progress.accept((int) done), cancelled));
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
    }
}
