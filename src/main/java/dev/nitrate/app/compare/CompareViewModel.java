package dev.nitrate.app.compare;

import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.preview.ColorizeJob;
import dev.nitrate.app.preview.ColorizeListener;
import dev.nitrate.app.preview.ColorizeOutcome;
import dev.nitrate.app.preview.ColorizeWorker;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * Two colorizations of the current shot side by side: each side picks an exemplar and a preview height; both sides
 * play in step, and each shows its colourfulness and CDC over the shot.
 */
public final class CompareViewModel implements AutoCloseable {

    /** At most this many frames of the shot are compared. */
    public static final int MAX_FRAMES = 240;

    /** One side's choice. */
    public record Choice(ProjectExemplar exemplar, int previewHeight) {}

    /** One side's state. */
    public static final class Side {
        private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();
        private final Map<Integer, Image> frames = new ConcurrentHashMap<>();
        private final List<Rgb8> rgb = new ArrayList<>();
        private final StringProperty figures = new SimpleStringProperty("Not run yet");
        private final ObjectProperty<ShotFigures.Figures> measured = new SimpleObjectProperty<>();

        public ObjectProperty<Choice> choiceProperty() {
            return choice;
        }

        public StringProperty figuresProperty() {
            return figures;
        }

        public ObjectProperty<ShotFigures.Figures> measuredProperty() {
            return measured;
        }

        public Image frame(int index) {
            return frames.get(index);
        }

        public int frameCount() {
            return frames.size();
        }
    }

    private final EditorViewModel editor;
    private final Executor ui;
    private final ColorizeWorker worker;
    private final Side left = new Side();
    private final Side right = new Side();
    private final IntegerProperty frame = new SimpleIntegerProperty();
    private final IntegerProperty first = new SimpleIntegerProperty();
    private final IntegerProperty end = new SimpleIntegerProperty(1);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");

    public CompareViewModel(EditorViewModel editor, Executor ui) {
        this.editor = editor;
        this.ui = ui;
        this.worker = new ColorizeWorker(editor.services().tasks().lane("compare"), editor.services().films(),
                editor.services().colorizers(), editor.services().exemplarFitter());
        List<ProjectExemplar> all = editor.exemplars().snapshot();
        int height = editor.settingsProperty().get().previewHeight();
        if (!all.isEmpty()) {
            left.choice.set(new Choice(all.get(0), height));
            right.choice.set(new Choice(all.get(Math.min(1, all.size() - 1)), height));
        }
        Shots shots = editor.timeline().shotsProperty().get();
        int shot = editor.timeline().currentShot();
        first.set(shots.start(shot));
        end.set(Math.min(shots.end(shot), shots.start(shot) + MAX_FRAMES));
        frame.set(first.get());
    }

    /** Colorizes the shot for both sides, one after the other. */
    public void run() {
        FilmInfo film = editor.filmProperty().get();
        if (film == null || left.choice.get() == null || right.choice.get() == null) {
            status.set("Open a film and add at least one exemplar to compare.");
            return;
        }
        running.set(true);
        status.set("Colorizing frames " + first.get() + "–" + (end.get() - 1) + " twice");
        runSide(left, film, () -> runSide(right, film, () -> {
            running.set(false);
            status.set("Both sides ready: press Play");
        }));
    }

    private void runSide(Side side, FilmInfo film, Runnable then) {
        side.frames.clear();
        side.rgb.clear();
        side.figures.set("Colorizing…");
        side.measured.set(null);
        Choice choice = side.choice.get();
        ProjectSettings base = editor.settingsProperty().get();
        ProjectSettings settings = new ProjectSettings(base.pack(), base.device(), choice.previewHeight(), base.memoryOverrides());
        int[] size = EditorViewModel.previewSize(film, choice.previewHeight());
        ColorizeJob job = new ColorizeJob(film.source(), first.get(), end.get(), List.of(choice.exemplar()), settings, size[0], size[1]);
        List<Rgb8> collected = new ArrayList<>();
        worker.submit(job, new ColorizeListener() {
            @Override
            public void frame(int index, Rgb8 source, Rgb8 colorized, double fps, MemoryStats memory) {
                collected.add(colorized);
                Image image = Pictures.toImage(colorized);
                ui.execute(() -> side.frames.put(index, image));
            }

            @Override
            public void finished(ColorizeOutcome outcome) {
                ShotFigures.Figures figures = outcome instanceof ColorizeOutcome.Completed
                        ? editor.services().figures().measure(collected) : null;
                ui.execute(() -> {
                    if (figures != null) {
                        side.measured.set(figures);
                        side.figures.set(String.format("Colourfulness %.1f   ·   CDC %.5f", figures.colourfulness(), figures.cdc()));
                        then.run();
                    } else {
                        side.figures.set(outcome.describe());
                        running.set(false);
                        status.set(outcome.describe());
                    }
                });
            }
        });
    }

    /** Advances both sides together by one frame, wrapping at the end of the range. */
    public void step() {
        frame.set(frame.get() + 1 >= end.get() ? first.get() : frame.get() + 1);
    }

    public void cancel() {
        worker.cancel();
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    public IntegerProperty frameProperty() {
        return frame;
    }

    public IntegerProperty firstProperty() {
        return first;
    }

    public IntegerProperty endProperty() {
        return end;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public void close() {
        worker.close();
    }
}
