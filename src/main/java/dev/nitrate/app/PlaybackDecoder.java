package dev.nitrate.app;

import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.scene.image.Image;

/**
 * Decodes ahead of forward playback on its own lane, in order (the reader's fast path, converted and scaled for display in
 * one pass), a few frames ahead of the playhead. The player takes the newest decoded frame at or before the playhead; frames the playhead has passed
 * unseen are dropped and counted, and when decoding falls behind it skips on to the playhead.
 */
final class PlaybackDecoder implements AutoCloseable {

    /** A decoded frame, ready to show. */
    record Decoded(int index, Image image) {}

    static final int AHEAD = 6;

    private final Deque<Decoded> ready = new ArrayDeque<>();
    private final CancellationToken token;
    private volatile int playhead;
    private long dropped;

    PlaybackDecoder(Lane lane, FilmOpener films, Path film, int start, int frameCount, int maxSize) {
        playhead = start;
        token = lane.submit(cancel -> {
            try (FilmReader reader = films.open(film)) {
                int next = start;
                while (!cancel.isCancelled() && next < frameCount) {
                    int wanted = playhead;
                    if (next < wanted) {
                        count(wanted - next);
                        next = wanted;
                    }
                    if (queued() >= AHEAD || next > wanted + 2 * AHEAD) {
                        Thread.sleep(2);
                        continue;
                    }
                    Optional<Rgb8> frame = Pictures.display(reader, next, maxSize, maxSize, cancel::isCancelled);
                    if (frame.isEmpty()) {
                        break;
                    }
                    Image image = Pictures.toImage(frame.get());
                    synchronized (ready) {
                        ready.addLast(new Decoded(next, image));
                    }
                    next++;
                }
            }
        });
    }

    /** The newest decoded frame at or before {@code frame}, the playhead, or {@code null}; older ones are dropped. */
    Decoded take(int frame) {
        playhead = frame;
        Decoded newest = null;
        synchronized (ready) {
            while (!ready.isEmpty() && ready.peekFirst().index() <= frame) {
                if (newest != null) {
                    dropped++;
                }
                newest = ready.pollFirst();
            }
        }
        return newest;
    }

    private int queued() {
        synchronized (ready) {
            return ready.size();
        }
    }

    private void count(int frames) {
        synchronized (ready) {
            dropped += frames;
        }
    }

    /** Frames the playhead passed without their picture being shown. */
    long dropped() {
        synchronized (ready) {
            return dropped;
        }
    }

    @Override
    public void close() {
        token.cancel();
    }
}
