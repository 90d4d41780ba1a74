package dev.nitrate.engine.shots;

import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.MediaException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** Splits a range of a film into shots at its hard cuts ({@link CutDetector}), reading the frames in order. */
public final class ShotDetector {

    private ShotDetector() {}

    /**
     * Detects the shots of frames {@code first..last}.
     *
     * @param framesDone told the number of frames read so far, now and then
     * @param cancelled polled between frames
     * @throws CancellationException when cancelled
     */
    public static List<Shot> detect(FilmReader reader, long first, long last, LongConsumer framesDone, BooleanSupplier cancelled)
            throws MediaException {
        CutDetector detector = new CutDetector();
        List<Long> cuts = new ArrayList<>();
        for (long frame = first; frame <= last; frame++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("shot detection cancelled");
            }
            cuts.addAll(detector.feed(reader.read(frame).pixels()));
            if ((frame - first) % 16 == 0 || frame == last) {
                framesDone.accept(frame - first + 1);
            }
        }
        cuts.addAll(detector.finish());
        return between(cuts, first, last);
    }

    /** The shots of {@code first..last} split at {@code cuts}, given as offsets from {@code first} in increasing order. */
    static List<Shot> between(List<Long> cuts, long first, long last) {
        List<Shot> shots = new ArrayList<>();
        long shotStart = first;
        for (long cut : cuts) {
            long frame = first + cut;
            if (frame > shotStart && frame <= last) {
                shots.add(new Shot(shotStart, frame - 1));
                shotStart = frame;
            }
        }
        shots.add(new Shot(shotStart, last));
        return shots;
    }

    /** The whole film's shots. */
    public static List<Shot> detect(FilmReader reader) throws MediaException {
        return detect(reader, 0, reader.info().frameCount() - 1, done -> {}, () -> false);
    }
}
