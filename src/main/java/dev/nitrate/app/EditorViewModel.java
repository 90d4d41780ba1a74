package dev.nitrate.app;

import dev.nitrate.app.exemplars.ExemplarsViewModel;
import dev.nitrate.app.export.ExportDialog;
import dev.nitrate.app.export.RenderContext;
import dev.nitrate.app.export.RenderItem;
import dev.nitrate.app.export.RenderQueueViewModel;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.preview.ColorizeJob;
import dev.nitrate.app.preview.ColorizeWorker;
import dev.nitrate.app.preview.ExemplarSelection;
import dev.nitrate.app.preview.PreviewViewModel;
import dev.nitrate.app.project.Project;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectFileException;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.settings.DeviceProbe;
import dev.nitrate.app.timeline.ThumbnailCache;
import dev.nitrate.app.timeline.TimelineViewModel;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The editor's state and actions, without any window: the film, the playhead and what the viewer shows, the
 * exemplars, previews, the render queue, and the project ({@link ProjectSession}). Opening a film starts a new,
 * untitled project; opening either never writes the project left behind beyond its own pending autosave.
 * All methods run on the UI thread.
 */
public final class EditorViewModel implements AutoCloseable {

    /** Radius of "preview around the playhead", in frames. */
    public static final int PREVIEW_RADIUS = 24;

    private final Services services;
    private final Executor ui;
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final ExemplarsViewModel exemplars = new ExemplarsViewModel();
    private final PreviewViewModel preview;
    private final RenderQueueViewModel renders;
    private final ColorizeWorker previewWorker;
    private final FilmViewModel viewer;
    private final ProjectSession session;
    private final RecentFiles recentFiles;

    private final ObjectProperty<ProjectSettings> settings = new SimpleObjectProperty<>(ProjectSettings.DEFAULTS);
    private final ObjectProperty<DeviceProbe.DeviceStatus> device = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> colorizedImage = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty lastError = new SimpleStringProperty();
    private final List<Consumer<String>> errorListeners = new ArrayList<>();
    private Predicate<String> mayDropUnsavedWork = film -> {
        report("The project for " + film + " is not saved: save it before opening another.");
        return false;
    };
    private boolean loading;

    public EditorViewModel(Services services, Executor ui) {
        this.services = services;
        this.ui = ui;
        services.tasks().onFailure(ui, failure -> report(failure.error().getMessage()));
        previewWorker = new ColorizeWorker(services.tasks().lane("colorize"), services.films(), services.colorizers(),
                services.exemplarFitter());
        preview = new PreviewViewModel(previewWorker, ui);
        previewWorker.onDeviceFallback(reason -> ui.execute(() -> {
            if (reason != null) {
                device.set(new DeviceProbe.DeviceStatus(settings.get().device(), dev.nitrate.engine.colorize.ComputeDevice.CPU, reason));
                notice.set(reason);
            }
        }));
        renders = new RenderQueueViewModel(services.renderer(), services.tasks().lane("render"), ui,
                this::renderQueueChanged);
        renders.setContext(() -> new RenderContext(film().get(), exemplars.snapshot(), settings.get(), timeline.shotsProperty().get(), projectFile()));
        viewer = new FilmViewModel(services, ui, timeline, notice::set,
                frame -> colorizedImage.set(preview.cached(frame)));
        session = new ProjectSession(services.projects(), services.appData(), services.tasks().lane("autosave"), ui, notice::set);
        recentFiles = new RecentFiles(services.appData(), notice::set);

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
    }

    // ----- film and project -----

    /**
     * Opens a film (video file or image-sequence folder) as a new, untitled project with no exemplars and the
     * current settings. Unsaved work in an untitled project is first offered to the user
     * ({@link #onUnsavedWork}); a saved project keeps its file as its last autosave left it.
     */
    public boolean openFilm(Path path) {
        FilmInfo info;
        try (FilmReader reader = services.films().open(path.toAbsolutePath())) {
            info = reader.info();
        } catch (FilmException e) {
            report(e.getMessage());
            return false;
        }
        if (!mayLeaveProject()) {
            return false;
        }
        session.begin(null);
        load(() -> {
            exemplars.load(List.of());
            renders.load(List.of());
            loadFilm(info);
        });
        recentFiles.add(path.toAbsolutePath());
        notice.set("New untitled project for " + info.source().getFileName());
        return true;
    }

    /**
     * Decides what happens to unsaved work when another film or project is opened: the predicate gets the film's
     * name, may save the project, and answers whether opening goes ahead.
     */
    public void onUnsavedWork(Predicate<String> mayDropOrSave) {
        mayDropUnsavedWork = mayDropOrSave;
    }

    private boolean mayLeaveProject() {
        if (!session.hasUnsavedWork(currentProject())) {
            return true;
        }
        FilmInfo info = film().get();
        return mayDropUnsavedWork.test(info == null ? "the untitled project" : info.source().getFileName().toString());
    }

    private void loadFilm(FilmInfo info) {
        preview.invalidate();
        colorizedImage.set(null);
        viewer.load(info);
    }

    /** Loads another project's state without counting it as an edit. */
    private void load(Runnable loader) {
        loading = true;
        try {
            loader.run();
        } finally {
            loading = false;
        }
    }

    /** Opens a {@code .nitrate} project; on failure, or when the user cancels, the current work stays as it is. */
    public boolean openProject(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.equals(session.fileProperty().get())) {
            session.flush();
        }
        Project project;
        FilmInfo info = null;
        try {
            project = services.projects().open(target);
        } catch (ProjectFileException e) {
            report(e.getMessage());
            return false;
        }
        if (project.film() != null) {
            try (FilmReader reader = services.films().open(project.film())) {
                info = reader.info();
            } catch (FilmException e) {
                report("The project's film cannot be opened: " + e.getMessage());
                return false;
            }
        }
        if (!mayLeaveProject()) {
            return false;
        }
        session.begin(target);
        FilmInfo projectFilm = info;
        load(() -> {
            if (projectFilm != null) {
                loadFilm(projectFilm);
            } else {
                viewer.unload();
                colorizedImage.set(null);
            }
            settings.set(project.settings());
            exemplars.load(project.exemplars());
            renders.load(project.renders());
        });
        recentFiles.add(target);
        notice.set("Opened " + target.getFileName());
        return true;
    }

    /** Opens whatever the user dropped or picked: a project, a film, or an image folder. */
    public boolean open(Path path) {
        return path.getFileName().toString().endsWith(".nitrate") ? openProject(path) : openFilm(path);
    }

    public boolean saveProject(Path file) {
        Path target = file.getFileName().toString().endsWith(".nitrate") ? file : file.resolveSibling(file.getFileName() + ".nitrate");
        try {
            Project saved = session.save(currentProject(), target);
            exemplars.exemplars().setAll(saved.exemplars());
            recentFiles.add(target.toAbsolutePath());
            notice.set("Saved " + target.getFileName());
            return true;
        } catch (ProjectFileException e) {
            report(e.getMessage());
            return false;
        }
    }

    public Project currentProject() {
        return new Project(film().get() == null ? null : film().get().source(), exemplars.snapshot(), settings.get(),
                renders.records());
    }

    private void changed() {
        if (!loading) {
            session.edited(currentProject());
        }
    }

    private void renderQueueChanged() {
        if (!loading) {
            session.renderQueueChanged(currentProject());
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
        FilmInfo info = film().get();
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
        if (session.fileProperty().get() != null) {
            saveProject(session.fileProperty().get());
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
        viewer.onThumbnailsChanged(listener);
    }

    /** Saves the pending autosave at once and releases background work (on exit). */
    @Override
    public void close() {
        session.close();
        renders.close();
        viewer.close();
        previewWorker.close();
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
        return film();
    }

    private ObjectProperty<FilmInfo> film() {
        return viewer.filmProperty();
    }

    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return session.fileProperty();
    }

    public ObjectProperty<ProjectSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<DeviceProbe.DeviceStatus> deviceProperty() {
        return device;
    }

    public ObjectProperty<Image> sourceImageProperty() {
        return viewer.sourceImageProperty();
    }

    public ObjectProperty<Image> colorizedImageProperty() {
        return colorizedImage;
    }

    public StringProperty captionProperty() {
        return viewer.captionProperty();
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty lastErrorProperty() {
        return lastError;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return session.dirtyProperty();
    }

    public BooleanProperty detectingShotsProperty() {
        return viewer.detectingShotsProperty();
    }

    public LongProperty lastScrubLatencyNanosProperty() {
        return viewer.lastScrubLatencyNanosProperty();
    }

    public ObjectProperty<Integer> shownFrameProperty() {
        return viewer.shownFrameProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles.files();
    }

    /** Where an untitled project is autosaved. */
    public Path recoveryFile() {
        return session.recoveryFile();
    }

    public ThumbnailCache thumbnails() {
        return viewer.thumbnails();
    }

    private java.nio.file.Path projectFile() {
        return session.fileProperty().get();
    }
}
