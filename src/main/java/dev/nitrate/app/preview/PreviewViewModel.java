package dev.nitrate.app.preview;

import dev.nitrate.app.media.Pictures;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import dev.nitrate.engine.image.FloatPlane;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * Background previews: colorizes a run of frames at preview resolution, shown at the source's size, publishes each frame
 * as it arrives into a cache that stays until the exemplars or settings change (the least recently shown frames go
 * beyond {@link #CACHE_BYTES}), and reports progress, speed and memory. Frames already cached are not colorized again.
 */
public final class PreviewViewModel {

    private final ColorizeWorker worker;
    private final Executor ui;
    /** What the cached frames may take, at 4 bytes a pixel. */
    public static final long CACHE_BYTES = 1L << 30;

    private final Map<Integer, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            Image any = eldest.getValue();
            boolean evict = size() > 1 && (long) size() * 4 * (long) any.getWidth() * (long) any.getHeight() > CACHE_BYTES;
            if (evict) {
                PreviewViewModel.this.figures.remove(eldest.getKey());
                PreviewViewModel.this.confidences.remove(eldest.getKey());
            }
            return evict;
        }
    };
    /** Guarded by {@link #cache}, like the next. */
    private final Map<Integer, FrameFigures> figures = new HashMap<>();
    private final Map<Integer, FloatPlane> confidences = new HashMap<>();
    private final LongProperty changes = new SimpleLongProperty();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty framesPerSecond = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("No preview yet");
    private final ObjectProperty<MemoryStats> memory = new SimpleObjectProperty<>(MemoryStats.EMPTY);
    private final ObjectProperty<ColorizeOutcome> lastOutcome = new SimpleObjectProperty<>();
    private IntConsumer frameArrived = f -> { };
    private long generation;

    public PreviewViewModel(ColorizeWorker worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    public void onFrameArrived(IntConsumer listener) {
        this.frameArrived = listener;
    }

    /**
     * Starts a preview, cancelling the one in flight; only the frames from the first to the last not yet cached are
     * colorized, and none when all are cached (returns false).
     */
    public boolean start(ColorizeJob wanted, String what) {
        int first = wanted.first();
        int end = wanted.end();
        while (first < end && cached(first) != null) {
            first++;
        }
        while (end > first && cached(end - 1) != null) {
            end--;
        }
        if (first == end) {
            status.set("Preview of " + what + " already done: its " + wanted.frameCount() + " frames are cached");
            return false;
        }
        ColorizeJob job = new ColorizeJob(wanted.film(), first, end, wanted.exemplars(), wanted.settings(), wanted.width(), wanted.height());
        if (running.get()) {
            worker.cancel();
        }
        long myGeneration = ++generation;
        running.set(true);
        progress.set(0);
        status.set("Previewing " + what + " (" + job.frameCount() + " frames, colorized at " + job.width() + "x" + job.height() + ")");
        worker.submit(job, new ColorizeListener() {
            int done;

            @Override
            public void measured(int index, FrameFigures frameFigures, Optional<FloatPlane> confidence) {
                ui.execute(() -> {
                    if (myGeneration != generation) {
                        return;
                    }
                    synchronized (cache) {
                        figures.put(index, frameFigures);
                        confidence.ifPresentOrElse(c -> confidences.put(index, c), () -> confidences.remove(index));
                    }
                });
            }

            @Override
            public void frame(int index, Rgb8 source, Rgb8 colorized, double fps, MemoryStats stats) {
                Image image = Pictures.toImage(colorized);
                done++;
                int count = done;
                ui.execute(() -> {
                    if (myGeneration != generation) {
                        return;
                    }
                    synchronized (cache) {
                        cache.put(index, image);
                    }
                    progress.set((double) count / job.frameCount());
                    framesPerSecond.set(fps);
                    memory.set(stats);
                    changes.set(changes.get() + 1);
                    frameArrived.accept(index);
                });
            }

            @Override
            public void finished(ColorizeOutcome outcome) {
                ui.execute(() -> {
                    if (myGeneration != generation) {
                        return;
                    }
                    running.set(false);
                    lastOutcome.set(outcome);
                    status.set(outcome instanceof ColorizeOutcome.Failed ? outcome.describe() : "Preview " + outcome.describe().toLowerCase(java.util.Locale.ROOT));
                });
            }
        });
        return true;
    }

    public void cancel() {
        if (running.get()) {
            worker.cancel();
        }
    }

    /** Forgets cached frames (the look changed). */
    public void invalidate() {
        synchronized (cache) {
            cache.clear();
            figures.clear();
            confidences.clear();
        }
        changes.set(changes.get() + 1);
    }

    /** The frames with a cached preview. */
    public BitSet cachedFrames() {
        BitSet frames = new BitSet();
        synchronized (cache) {
            cache.keySet().forEach(frames::set);
        }
        return frames;
    }

    /** The figures of the cached frames, by frame. */
    public SortedMap<Integer, FrameFigures> figures() {
        synchronized (cache) {
            return new TreeMap<>(figures);
        }
    }

    /** The colorizer's per-pixel confidence for a cached frame, at the preview's size, when it gives one. */
    public Optional<FloatPlane> confidence(int frame) {
        synchronized (cache) {
            return Optional.ofNullable(confidences.get(frame));
        }
    }

    /** Counts changes of the cached frames (a frame arrived, or the cache was cleared). */
    public ReadOnlyLongProperty changesProperty() {
        return changes;
    }

    public Image cached(int frame) {
        synchronized (cache) {
            return cache.get(frame);
        }
    }

    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public DoubleProperty framesPerSecondProperty() {
        return framesPerSecond;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<MemoryStats> memoryProperty() {
        return memory;
    }

    public ObjectProperty<ColorizeOutcome> lastOutcomeProperty() {
        return lastOutcome;
    }
}
