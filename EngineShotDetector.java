package dev.nitrate.app.adapters;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.timeline.ShotDetector;
import dev.nitrate.app.timeline.Shots;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.MediaException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** The engine's cut detector over the whole film (the same one a render uses, so previews and exports agree). */
public final class EngineShotDetector implements ShotDetector {

    @Override
    public Shots detect(FilmReader reader, IntConsumer progress, BooleanSupplier cancelled) throws FilmException {
        FilmInfo info = reader.info();
        try (dev.nitrate.engine.video.FilmReader engineReader = Films.open(info.source(), FilmOpenOptions.defaults())) {
            List<Shot> shots = dev.nitrate.engine.shots.ShotDetector.detect(engineReader, 0, info.frameCount() - 1,
                    done -> progress.accept((int) done), cancelled);
            return Shots.of(info.frameCount(), shots.stream().map(s -> (int) s.first()).filter(f -> f < info.frameCount())
                    .distinct().sorted().toList());
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
    }
}
