package dev.nitrate.app;

import dev.nitrate.app.exemplars.ExemplarsViewModel;
import dev.nitrate.app.export.ExportDialog;
import dev.nitrate.app.export.RenderContext;
import dev.nitrate.app.export.RenderItem;
import dev.nitrate.app.export.RenderQueueViewModel;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.app.preview.ColorizeJob;
import dev.nitrate.app.preview.ColorizeWorker;
import dev.nitrate.app.preview.ExemplarSelection;
import dev.nitrate.app.preview.PreviewViewModel;
import dev.nitrate.app.settings.DeviceProbe;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import dev.nitrate.app.timeline.Shots;
import dev.nitrate.app.timeline.ThumbnailCache;
import dev.nitrate.app.timeline.TimelineViewModel;
import dev.nitrate.engine.project.Autosaver;
import dev.nitrate.engine.project.Project;
import dev.nitrate.engine.project.ProjectExemplar;
import dev.nitrate.engine.project.ProjectFileException;
import dev.nitrate.engine.project.ProjectSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The editor's state and actions, without any window: the film, the playhead and what the viewer shows, the
 * exemplars, previews, the render queue, the project file and its autosave. All methods run on the UI thread.
 */
public final class EditorViewModel implements AutoCloseable {

    /** Radius of "preview around the playhead", in frames. */
    public static final int PREVIEW_RADIUS = 24;
    private static final int MAX_VIEW_WIDTH = 1920;
    /** Two decoders, so the frame under a stopped playhead starts decoding while an overtaken one finishes. */
    private static final int SCRUB_WORKERS = Integer.getInteger("nitrate.scrubWorkers", 2);

    private final Services services;
    private final Executor ui;
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final ExemplarsViewModel exemplars = new ExemplarsViewModel();
    private final PreviewViewModel preview;
    private final RenderQueueViewModel renders;
    private final ColorizeWorker previewWorker;
    private final ScheduledExecutorService background;
    private final LatestWinsScheduler<FrameRequest, RgbFrame> scrubber;
    private final Autosaver autosaver;

    private final ObjectProperty<FilmInfo> film = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> projectFile = new SimpleObjectProperty<>();
    private final ObjectProperty<ProjectSettings> settings = new SimpleObjectProperty<>(ProjectSettings.DEFAULTS);
    private final ObjectProperty<DeviceProbe.DeviceStatus> device = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> sourceImage = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> colorizedImage = new SimpleObjectProperty<>();
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty lastError = new SimpleStringProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final BooleanProperty detectingShots = new SimpleBooleanProperty(false);
    private final LongProperty lastScrubLatencyNanos = new SimpleLongProperty(-1);
    private final ObjectProperty<Integer> shownFrame = new SimpleObjectProperty<>();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final List<Consumer<String>> errorListeners = new ArrayList<>();
    private ThumbnailCache thumbnails;
    private Consumer<ThumbnailCache> thumbnailsChanged = c -> { };
    private volatile long lastScrubRequestNanos;
    private volatile Project autosaveSnapshot = Project.empty();
    private volatile Path autosaveTarget;
    private volatile boolean shotDetectionCancelled;

    private record FrameRequest(Path film, int frame) {}

    public EditorViewModel(Services services, Executor ui) {
        this.services = services;
        this.ui = ui;
        this.background = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "editor-background");
            t.setDaemon(true);
            return t;
        });
        previewWorker = new ColorizeWorker(services.films(), services.colorizers(), services.exemplarFitter());
        preview = new PreviewViewModel(previewWorker, ui);
        previewWorker.onDeviceFallback(reason -> ui.execute(() -> {
            if (reason != null) {
                device.set(new DeviceProbe.DeviceStatus(settings.get().device(), dev.nitrate.engine.model.ComputeDevice.CPU, reason));
                notice.set(reason);
            }
        }));
        renders = new RenderQueueViewModel(services.renderer(), ui, this::renderQueueChanged);
        renders.setContext(() -> new RenderContext(film.get(), exemplars.snapshot(), settings.get(), timeline.shotsProperty().get()));
        scrubber = new LatestWinsScheduler<>("scrub", SCRUB_WORKERS, Duration.ofMillis(4), new FrameDecoder(), ui, this::showFrame,
                e -> report(e.getMessage()));
        autosaver = new Autosaver(services.projects(), () -> autosaveSnapshot, () -> autosaveTarget,
                services.appData().resolve("recovery").resolve("untitled.nitrate"), background, Duration.ofSeconds(3),
                outcome -> ui.execute(() -> {
                    if (outcome instanceof Autosaver.Saved saved) {
                        notice.set("Autosaved to " + saved.file().getFileName());
                        if (saved.file().equals(projectFile.get())) {
                            dirty.set(false);
                        }
                    } else if (outcome instanceof Autosaver.Failed failed) {
                        notice.set("Autosave failed: " + failed.error().getMessage());
                    }
                }));

        timeline.currentFrameProperty().addListener((o, a, b) -> requestFrame(b.intValue()));
        preview.onFrameArrived(frame -> {
            if (frame == timeline.currentFrameProperty().get()) {
                colorizedImage.set(preview.cached(frame));
            }
        });
        exemplars.onChange(() -> {
            timeline.exemplarFrames().setAll(exemplars.exemplars().stream().map(ProjectExemplar::frame).toList());
            preview.invalidate();
            colorizedImage.set(null);
            changed();
        });
        settings.addListener((o, a, b) -> {
            device.set(services.devices().probe(b.device()));
            preview.invalidate();
            colorizedImage.set(null);
            changed();
        });
        device.set(services.devices().probe(settings.get().device()));
        loadRecentFiles();
    }

    // ----- film and project -----

    /** Opens a film (video file or image-sequence folder) into the current project. */
    public boolean openFilm(Path path) {
        FilmInfo info;
        try (FilmReader reader = services.films().open(path.toAbsolutePath())) {
            info = reader.info();
        } catch (FilmException e) {
            report(e.getMessage());
            return false;
        }
        loadFilm(info);
        addRecent(path.toAbsolutePath());
        changed();
        return true;
    }

    private void loadFilm(FilmInfo info) {
        if (thumbnails != null) {
            thumbnails.close();
        }
        shotDetectionCancelled = true;
        film.set(info);
        preview.invalidate();
        colorizedImage.set(null);
        sourceImage.set(null);
        timeline.load(info.frameCount(), info.framesPerSecond());
        thumbnails = new ThumbnailCache(services.films(), info.source(), 64, ui, f -> { },
                () -> System.nanoTime() - lastScrubRequestNanos < 400_000_000L);
        thumbnailsChanged.accept(thumbnails);
        requestFrame(0);
        detectShots(info);
    }

    private void detectShots(FilmInfo info) {
        detectingShots.set(true);
        shotDetectionCancelled = false;
        background.execute(() -> {
            try (FilmReader reader = services.films().open(info.source())) {
                Shots shots = services.shotDetector().detect(reader, n -> { }, () -> shotDetectionCancelled);
                ui.execute(() -> {
                    if (info.equals(film.get()) && !shotDetectionCancelled) {
                        timeline.shotsProperty().set(shots);
                    }
                    detectingShots.set(false);
                });
            } catch (FilmException | RuntimeException e) {
                ui.execute(() -> {
                    detectingShots.set(false);
                    notice.set("Shot detection failed: " + e.getMessage());
                });
            }
        });
    }

    /** Opens a {@code .nitrate} project; on failure the current work stays as it is. */
    public boolean openProject(Path file) {
        Project project;
        try {
            project = services.projects().open(file);
        } catch (ProjectFileException e) {
            report(e.getMessage());
            return false;
        }
        if (project.film() != null) {
            try (FilmReader reader = services.films().open(project.film())) {
                loadFilm(reader.info());
            } catch (FilmException e) {
                report("The project's film cannot be opened: " + e.getMessage());
                return false;
            }
        }
        projectFile.set(file.toAbsolutePath());
        settings.set(project.settings());
        exemplars.load(project.exemplars());
        renders.load(project.renders());
        addRecent(file.toAbsolutePath());
        autosaveTarget = projectFile.get();
        dirty.set(false);
        return true;
    }

    /** Opens whatever the user dropped or picked: a project, a film, or an image folder. */
    public boolean open(Path path) {
        return path.getFileName().toString().endsWith(".nitrate") ? openProject(path) : openFilm(path);
    }

    public boolean saveProject(Path file) {
        Path target = file.getFileName().toString().endsWith(".nitrate") ? file : file.resolveSibling(file.getFileName() + ".nitrate");
        try {
            Project saved = services.projects().save(currentProject(), target);
            projectFile.set(target.toAbsolutePath());
            autosaveTarget = projectFile.get();
            exemplars.exemplars().setAll(saved.exemplars());
            addRecent(target.toAbsolutePath());
            dirty.set(false);
            notice.set("Saved " + target.getFileName());
            return true;
        } catch (ProjectFileException e) {
            report(e.getMessage());
            return false;
        }
    }

    public Project currentProject() {
        return new Project(film.get() == null ? null : film.get().source(), exemplars.snapshot(), settings.get(),
                renders.records());
    }

    private void changed() {
        dirty.set(true);
        autosaveSnapshot = currentProject();
        autosaver.changed();
    }

    private void renderQueueChanged() {
        autosaveSnapshot = currentProject();
        autosaver.changed();
    }

    // ----- viewer -----

    private void requestFrame(int frame) {
        FilmInfo info = film.get();
        if (info == null) {
            return;
        }
        lastScrubRequestNanos = System.nanoTime();
        scrubber.submit(new FrameRequest(info.source(), frame));
        colorizedImage.set(preview.cached(frame));
        caption.set(String.format("Frame %d / %d   %s   Shot %d", frame, info.frameCount() - 1, info.timecode(frame),
                timeline.currentShot() + 1));
    }

    private void showFrame(RgbFrame frame) {
        if (film.get() == null || frame.index() != timeline.currentFrameProperty().get()) {
            return;
        }
        sourceImage.set(Pictures.toImage(frame));
        colorizedImage.set(preview.cached(frame.index()));
        shownFrame.set(frame.index());
        lastScrubLatencyNanos.set(System.nanoTime() - lastScrubRequestNanos);
    }

    /** Decodes scrub requests; each scrub thread owns its own reader. */
    private final class FrameDecoder implements LatestWinsScheduler.Work<FrameRequest, RgbFrame> {
        private final ThreadLocal<FilmReader> readers = new ThreadLocal<>();

        @Override
        public RgbFrame run(FrameRequest request, java.util.function.BooleanSupplier stale) throws FilmException {
            FilmReader reader = readers.get();
            if (reader == null || !reader.info().source().equals(request.film())) {
                if (reader != null) {
                    reader.close();
                }
                readers.remove();
                reader = services.films().open(request.film());
                readers.set(reader);
            }
            return reader.frame(request.frame(), MAX_VIEW_WIDTH, MAX_VIEW_WIDTH);
        }

        @Override
        public void workerFinished() {
            FilmReader reader = readers.get();
            if (reader != null) {
                reader.close();
                readers.remove();
            }
        }
    }

    // ----- preview -----

    public void previewCurrentShot() {
        Shots shots = timeline.shotsProperty().get();
        int shot = timeline.currentShot();
        startPreview(shots.start(shot), shots.end(shot), "shot " + (shot + 1));
    }

    public void previewAroundPlayhead() {
        int frame = timeline.currentFrameProperty().get();
        int count = timeline.frameCountProperty().get();
        startPreview(Math.max(0, frame - PREVIEW_RADIUS), Math.min(count, frame + PREVIEW_RADIUS + 1),
                "frames around " + frame);
    }

    private void startPreview(int first, int end, String what) {
        FilmInfo info = film.get();
        if (info == null) {
            report("Open a film first.");
            return;
        }
        List<ProjectExemplar> chosen = ExemplarSelection.forRange(exemplars.snapshot(), timeline.shotsProperty().get(), first, end);
        if (chosen.isEmpty()) {
            report("Add an exemplar first: the colorizer needs at least one colour reference.");
            return;
        }
        int[] size = previewSize(info, settings.get().previewHeight());
        preview.start(new ColorizeJob(info.source(), first, end, chosen, settings.get(), size[0], size[1]), what);
    }

    /** Preview size for a film: the preview height (never above the film's) and the film's aspect, both even. */
    public static int[] previewSize(FilmInfo info, int previewHeight) {
        int h = Math.min(info.height(), previewHeight) & ~1;
        int w = (int) Math.round((double) h * info.width() / info.height()) & ~1;
        return new int[] {Math.max(2, w), Math.max(2, h)};
    }

    // ----- export -----

    /**
     * Queues an export. A saved project is saved first, so that the render refers to the project's own exemplar
     * copies and resumes after a restart; an unsaved one renders too, with a notice that it cannot resume.
     */
    public RenderItem export(ExportDialog.Request request) {
        if (projectFile.get() != null) {
            saveProject(projectFile.get());
        } else {
            notice.set("Save the project so that an interrupted export can resume after a restart");
        }
        return renders.enqueue(request.output(), request.format(), request.quality(), request.first(), request.end(),
                request.lumaLock(), request.audio(), request.overwrite());
    }

    // ----- settings, errors, recent files -----

    public void applySettings(ProjectSettings newSettings) {
        settings.set(newSettings);
    }

    public void report(String message) {
        lastError.set(message);
        errorListeners.forEach(l -> l.accept(message));
    }

    public void onError(Consumer<String> listener) {
        errorListeners.add(listener);
    }

    public void onThumbnailsChanged(Consumer<ThumbnailCache> listener) {
        thumbnailsChanged = listener;
        if (thumbnails != null) {
            listener.accept(thumbnails);
        }
    }

    private void loadRecentFiles() {
        Path list = services.appData().resolve("recent.txt");
        try {
            if (Files.isRegularFile(list)) {
                recentFiles.setAll(Files.readAllLines(list).stream().filter(s -> !s.isBlank()).map(Path::of).limit(10).toList());
            }
        } catch (IOException | RuntimeException e) {
            notice.set("Recent files could not be read: " + e.getMessage());
        }
    }

    private void addRecent(Path path) {
        recentFiles.remove(path);
        recentFiles.add(0, path);
        if (recentFiles.size() > 10) {
            recentFiles.remove(10, recentFiles.size());
        }
        try {
            Files.createDirectories(services.appData());
            Files.write(services.appData().resolve("recent.txt"), recentFiles.stream().map(Path::toString).toList());
        } catch (IOException e) {
            notice.set("Recent files could not be saved: " + e.getMessage());
        }
    }

    /** Saves the autosave at once and releases background work (on exit). */
    @Override
    public void close() {
        shotDetectionCancelled = true;
        if (dirty.get()) {
            autosaveSnapshot = currentProject();
            autosaver.saveNow();
        }
        renders.close();
        scrubber.close();
        if (thumbnails != null) {
            thumbnails.close();
        }
        previewWorker.close();
        background.shutdownNow();
    }

    public Services services() {
        return services;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public ExemplarsViewModel exemplars() {
        return exemplars;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public RenderQueueViewModel renders() {
        return renders;
    }

    public ObjectProperty<FilmInfo> filmProperty() {
        return film;
    }

    public ObjectProperty<Path> projectFileProperty() {
        return projectFile;
    }

    public ObjectProperty<ProjectSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<DeviceProbe.DeviceStatus> deviceProperty() {
        return device;
    }

    public ObjectProperty<Image> sourceImageProperty() {
        return sourceImage;
    }

    public ObjectProperty<Image> colorizedImageProperty() {
        return colorizedImage;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty lastErrorProperty() {
        return lastError;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty detectingShotsProperty() {
        return detectingShots;
    }

    public LongProperty lastScrubLatencyNanosProperty() {
        return lastScrubLatencyNanos;
    }

    public ObjectProperty<Integer> shownFrameProperty() {
        return shownFrame;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public ThumbnailCache thumbnails() {
        return thumbnails;
    }
}
