package dev.nitrate.app.timeline;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.scene.image.Image;

/**
 * Thumbnails of a film's frames, decoded on demand on the thumbnails lane with the cache's own reader (newest
 * requests first) and kept in a bounded cache. {@link #get} answers at once with what is cached and queues the rest;
 * the listener hears on the UI executor when a thumbnail arrives. The reader is used and closed only on the lane.
 */
public final class ThumbnailCache implements AutoCloseable {

    private static final int CAPACITY = 2000;
    private static final System.Logger LOG = System.getLogger(ThumbnailCache.class.getName());

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
    private final Lane lane;
    private final FilmOpener opener;
    private final Path film;
    private final BooleanSupplier yieldTo;
    private final CancellationToken lifetime = new CancellationToken();
    private boolean draining;
    private int decoded;
    private FilmReader reader;
    private boolean unreadable;
    private volatile IntConsumer shown = frame -> { };

    /** @param yieldTo while true (the user is scrubbing), decoding waits so that the frame under the playhead comes first */
    public ThumbnailCache(Lane lane, FilmOpener opener, Path film, int thumbHeight, Executor uiExecutor, IntConsumer arrived,
                          BooleanSupplier yieldTo) {
        this.lane = lane;
        this.yieldTo = yieldTo;
        this.opener = opener;
        this.film = film;
        this.thumbHeight = thumbHeight;
        this.uiExecutor = uiExecutor;
        this.arrived = arrived;
    }

    /** The cached thumbnail, or {@code null} after queueing it for decoding. */
    public synchronized Image get(int frame) {
        Image image = images.get(frame);
        if (image == null && !lifetime.isCancelled() && queued.add(frame)) {
            queue.addFirst(frame);
            if (!draining) {
                draining = true;
                lane.submit(token -> drain());
            }
        }
        return image;
    }

    /** Also tells {@code listener}, on the UI executor, of each thumbnail that arrives (the strip that shows them redraws). */
    public void onArrived(IntConsumer listener) {
        shown = listener;
    }

    /** Drops queued requests that are no longer on screen. */
    public synchronized void retainQueued(Set<Integer> wanted) {
        queue.removeIf(f -> !wanted.contains(f));
        queued.retainAll(wanted);
    }

    public synchronized int decodedCount() {
        return decoded;
    }

    /** Decodes until the queue is empty or the cache is closed; runs on the lane. */
    private void drain() throws InterruptedException {
        while (true) {
            int frame;
            synchronized (this) {
                if (queue.isEmpty() || lifetime.isCancelled()) {
                    draining = false;
                    return;
                }
                frame = queue.pollFirst();
            }
            while (yieldTo.getAsBoolean() && !lifetime.isCancelled()) {
                Thread.sleep(15);
            }
            Image image = decode(frame);
            synchronized (this) {
                queued.remove(frame);
                if (image != null) {
                    images.put(frame, image);
                    decoded++;
                }
            }
            if (image != null) {
                uiExecutor.execute(() -> {
                    arrived.accept(frame);
                    shown.accept(frame);
                });
            }
        }
    }

    private Image decode(int frame) {
        if (unreadable || lifetime.isCancelled()) {
            return null;
        }
        try {
            if (reader == null) {
                reader = opener.open(film);
            }
            int maxWidth = (int) Math.ceil((double) thumbHeight * reader.info().width() / reader.info().height());
            Rgb8 rgb = Pictures.frame(reader, frame, maxWidth, thumbHeight);
            return Pictures.toImage(rgb);
        } catch (FilmException e) {
            // the editor reports an unreadable film when it opens it; the strip stays empty where frames fail
            LOG.log(System.Logger.Level.DEBUG, () -> "No thumbnail for frame " + frame + " of " + film.getFileName(), e);
            unreadable = reader == null;
            return null;
        }
    }

    /** Stops decoding; the reader is closed on the lane once the decode in flight has finished. */
    @Override
    public void close() {
        lifetime.cancel();
        lane.submit(token -> {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        });
    }
}
