package dev.nitrate.app.preview;

import dev.nitrate.app.media.Pictures;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * Background previews: colorizes a run of frames at preview resolution, publishes each frame as it arrives into a
 * cache that stays until the exemplars or settings change, and reports progress, speed and memory.
 */
public final class PreviewViewModel {

    private final ColorizeWorker worker;
    private final Executor ui;
    private final Map<Integer, Image> cache = new ConcurrentHashMap<>();
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

    /** Starts a preview, cancelling the one in flight. */
    public void start(ColorizeJob job, String what) {
        if (running.get()) {
            worker.cancel();
        }
        long myGeneration = ++generation;
        running.set(true);
        progress.set(0);
        status.set("Previewing " + what + " (" + job.frameCount() + " frames at " + job.width() + "x" + job.height() + ")");
        worker.submit(job, new ColorizeListener() {
            int done;

            @Override
            public void frame(int index, Rgb8 source, Rgb8 colorized, double fps, MemoryStats stats) {
                Image image = Pictures.toImage(colorized);
                done++;
                int count = done;
                ui.execute(() -> {
                    if (myGeneration != generation) {
                        return;
                    }
                    cache.put(index, image);
                    progress.set((double) count / job.frameCount());
                    framesPerSecond.set(fps);
                    memory.set(stats);
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
    }

    public void cancel() {
        if (running.get()) {
            worker.cancel();
        }
    }

    /** Forgets cached frames (the look changed). */
    public void invalidate() {
        cache.clear();
    }

    public Image cached(int frame) {
        return cache.get(frame);
    }

    public int cachedCount() {
        return cache.size();
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
