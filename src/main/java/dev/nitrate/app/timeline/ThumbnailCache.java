package dev.nitrate.app.timeline;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import javafx.scene.image.Image;

/**
 * Thumbnails of a film's frames, decoded on demand by one background thread with its own reader (newest requests
 * first) and kept in a bounded cache. {@link #get} answers at once with what is cached and queues the rest; the
 * listener hears on the UI executor when a thumbnail arrives.
 */
public final class ThumbnailCache implements AutoCloseable {

    private static final int CAPACITY = 2000;

    private final int thumbHeight;
    private final Executor uiExecutor;
    private final IntConsumer arrived;
    private final Map<Integer, Image> images = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final Set<Integer> queued = new HashSet<>();
    private final Thread worker;
    private final FilmOpener opener;
    private final Path film;
    private volatile boolean closed;
    private int decoded;

    private final java.util.function.BooleanSupplier yieldTo;

    /** @param yieldTo while true (the user is scrubbing), decoding waits so that the frame under the playhead comes first */
    public ThumbnailCache(FilmOpener opener, Path film, int thumbHeight, Executor uiExecutor, IntConsumer arrived,
                          java.util.function.BooleanSupplier yieldTo) {
        this.yieldTo = yieldTo;
        this.opener = opener;
        this.film = film;
        this.thumbHeight = thumbHeight;
        this.uiExecutor = uiExecutor;
        this.arrived = arrived;
        this.worker = new Thread(this::decodeLoop, "thumbnails");
        worker.setDaemon(true);
        worker.start();
    }

    /** The cached thumbnail, or {@code null} after queueing it for decoding. */
    public synchronized Image get(int frame) {
        Image image = images.get(frame);
        if (image == null && queued.add(frame)) {
            queue.addFirst(frame);
            notifyAll();
        }
        return image;
    }

    /** Drops queued requests that are no longer on screen. */
    public synchronized void retainQueued(Set<Integer> wanted) {
        queue.removeIf(f -> !wanted.contains(f));
        queued.retainAll(wanted);
    }

    public synchronized int decodedCount() {
        return decoded;
    }

    private void decodeLoop() {
        try (FilmReader reader = opener.open(film)) {
            int maxWidth = (int) Math.ceil((double) thumbHeight * reader.info().width() / reader.info().height());
            while (!closed) {
                int frame;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    frame = queue.pollFirst();
                }
                while (yieldTo.getAsBoolean() && !closed) {
                    Thread.sleep(15);
                }
                RgbFrame rgb;
                try {
                    rgb = reader.frame(frame, maxWidth, thumbHeight);
                } catch (FilmException e) {
                    rgb = null;
                }
                Image image = rgb == null ? null : Pictures.toImage(rgb);
                synchronized (this) {
                    queued.remove(frame);
                    if (image != null) {
                        images.put(frame, image);
                        decoded++;
                    }
                }
                if (image != null) {
                    uiExecutor.execute(() -> arrived.accept(frame));
                }
            }
        } catch (FilmException | InterruptedException e) {
            // the film cannot be read here: the editor reports that when it opens the film; the strip stays empty
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
