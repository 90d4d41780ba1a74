package dev.nitrate.app.compare;

import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.media.FilmFacts;
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
 * Two colorizations of the current shot, at the source's size, with the gray source beside them: each side picks an
 * exemplar and a preview height; both sides play in step, each shows its colourfulness and CDC over the shot against
 * the other's, and either side's exemplar can become the one pinned for the shot.
 */
public final class CompareViewModel implements AutoCloseable {

    /** At most this many frames of the shot are compared. */
    public static final int MAX_FRAMES = 240;
    /** The share of the Java heap the compared pictures (source, A and B) may take. */
    private static final double HEAP_SHARE = 0.25;

    /** One side's choice. */
    public record Choice(ProjectExemplar exemplar, int previewHeight) {}

    /** Pictures by frame index, with a count that changes (on the FX thread) as each arrives. */
    public static class Frames {
        private final Map<Integer, Image> frames = new ConcurrentHashMap<>();
        private final IntegerProperty arrived = new SimpleIntegerProperty();

        public Image frame(int index) {
            return frames.get(index);
        }

        public int frameCount() {
            return frames.size();
        }

        /** Grows by one as each picture arrives. */
        public IntegerProperty arrivedProperty() {
            return arrived;
        }

        void put(int index, Image image) {
            frames.put(index, image);
            arrived.set(arrived.get() + 1);
        }

        void clear() {
            frames.clear();
            arrived.set(0);
        }
    }

    /** One side's state. */
    public static final class Side extends Frames {
        private final String name;
        private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();
        private final StringProperty figures = new SimpleStringProperty("Not run yet");
        private final ObjectProperty<ShotFigures.Figures> measured = new SimpleObjectProperty<>();
        private final ObjectProperty<FigureReading> reading = new SimpleObjectProperty<>();

        Side(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public ObjectProperty<Choice> choiceProperty() {
            return choice;
        }

        public StringProperty figuresProperty() {
            return figures;
        }

        public ObjectProperty<ShotFigures.Figures> measuredProperty() {
            return measured;
        }

        /** What this side's figures say against the other side's, once both are measured. */
        public ObjectProperty<FigureReading> readingProperty() {
            return reading;
        }
    }

    private final EditorViewModel editor;
    private final Executor ui;
    private final ColorizeWorker worker;
    private final Side left = new Side("A");
    private final Side right = new Side("B");
    private final Frames source = new Frames();
    private final ObjectProperty<ShotFigures.Figures> sourceFigures = new SimpleObjectProperty<>();
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
        end.set(Math.min(shots.end(shot), shots.start(shot) + framesThatFit(editor.filmProperty().get())));
        frame.set(first.get());
    }

    /** How many frames of the source's size fit the compare's share of the heap three times over (source, A, B). */
    static int framesThatFit(FilmInfo film) {
        if (film == null) {
            return MAX_FRAMES;
        }
        long frameBytes = 4L * film.width() * film.height();
        long fit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE) / (3 * frameBytes);
        return (int) Math.max(2, Math.min(MAX_FRAMES, fit));
    }

    /** Colorizes the shot for both sides, one after the other; the first run also keeps the gray source frames. */
    public void run() {
        FilmInfo film = editor.filmProperty().get();
        if (film == null || left.choice.get() == null || right.choice.get() == null) {
            status.set("Open a film and add at least one exemplar to compare.");
            return;
        }
        running.set(true);
        left.reading.set(null);
        right.reading.set(null);
        frame.set(first.get());
        status.set("Colorizing frames " + first.get() + "–" + (end.get() - 1) + " twice");
        runSide(left, film, true, () -> runSide(right, film, false, () -> {
            running.set(false);
            read();
            status.set("Both sides ready: press Play, or drag the slider");
        }));
    }

    private void runSide(Side side, FilmInfo film, boolean keepSource, Runnable then) {
        side.clear();
        if (keepSource) {
            source.clear();
            sourceFigures.set(null);
        }
        side.figures.set("Colorizing…");
        side.measured.set(null);
        Choice choice = side.choice.get();
        ProjectSettings base = editor.settingsProperty().get();
        ProjectSettings settings = new ProjectSettings(base.pack(), base.device(), choice.previewHeight(), base.memoryOverrides());
        int[] size = FilmFacts.previewSize(film, choice.previewHeight());
        ColorizeJob job = new ColorizeJob(film.source(), first.get(), end.get(), List.of(choice.exemplar()), settings, size[0], size[1]);
        ShotFigures.Tally colourTally = editor.services().figures().tally();
        ShotFigures.Tally sourceTally = editor.services().figures().tally();
        worker.submit(job, new ColorizeListener() {
            @Override
            public void frame(int index, Rgb8 gray, Rgb8 colorized, double fps, MemoryStats memory) {
                colourTally.add(colorized);
                Image image = Pictures.toImage(colorized);
                Image grayImage = keepSource ? Pictures.toImage(gray) : null;
                if (keepSource) {
                    sourceTally.add(gray);
                }
                ui.execute(() -> {
                    side.put(index, image);
                    if (grayImage != null) {
                        source.put(index, grayImage);
                    }
                });
            }

            @Override
            public void finished(ColorizeOutcome outcome) {
                boolean completed = outcome instanceof ColorizeOutcome.Completed;
                ShotFigures.Figures figures = completed ? colourTally.figures() : null;
                ShotFigures.Figures grayFigures = completed && keepSource ? sourceTally.figures() : null;
                ui.execute(() -> {
                    if (figures != null) {
                        side.measured.set(figures);
                        if (grayFigures != null) {
                            sourceFigures.set(grayFigures);
                        }
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

    private void read() {
        ShotFigures.Figures a = left.measured.get();
        ShotFigures.Figures b = right.measured.get();
        if (a == null || b == null) {
            return;
        }
        for (Side side : List.of(left, right)) {
            ShotFigures.Figures mine = side == left ? a : b;
            FigureReading reading = FigureReading.of(mine, side == left ? b : a);
            side.reading.set(reading);
            side.figures.set(FigureReading.line(mine, reading, sourceFigures.get()));
        }
    }

    /**
     * Makes the side's exemplar the one pinned for the shot, through the exemplars' own undoable edit (Edit > Undo in
     * the editor takes it back).
     */
    public void useExemplarOf(Side side) {
        Choice choice = side.choice.get();
        if (choice == null) {
            return;
        }
        Shots shots = editor.timeline().shotsProperty().get();
        int shot = shots.shotOf(first.get());
        List<ProjectExemplar> before = editor.exemplars().snapshot();
        editor.exemplars().useForShot(choice.exemplar(), shots.start(shot), shots.end(shot));
        String name = choice.exemplar().originalName();
        status.set(before.equals(editor.exemplars().snapshot())
                ? "Shot " + (shot + 1) + " already uses " + name + " alone."
                : "Shot " + (shot + 1) + " now uses " + name + " (side " + side.name() + "); Edit > Undo in the editor takes it back.");
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

    /** The gray source frames of the compared range, at their own size. */
    public Frames source() {
        return source;
    }

    /** Colourfulness and CDC of the gray source itself: what movement alone gives. */
    public ObjectProperty<ShotFigures.Figures> sourceFiguresProperty() {
        return sourceFigures;
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
