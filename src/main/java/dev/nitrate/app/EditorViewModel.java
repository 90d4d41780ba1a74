package dev.nitrate.app;

import dev.nitrate.app.exemplars.ExemplarsViewModel;
import dev.nitrate.app.export.ExportDialog;
import dev.nitrate.app.export.RenderContext;
import dev.nitrate.app.export.RenderItem;
import dev.nitrate.app.export.RenderQueueViewModel;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.preview.ColorizeWorker;
import dev.nitrate.app.preview.PreviewViewModel;
import dev.nitrate.app.project.Project;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectFileException;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.settings.DeviceProbe;
import dev.nitrate.app.timeline.ShotEditor;
import dev.nitrate.app.timeline.ThumbnailCache;
import dev.nitrate.app.timeline.TimelineLanes;
import dev.nitrate.app.timeline.TimelineViewModel;
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
    private final ShotEditor shotEditor = new ShotEditor(timeline);
    private final UndoOrder undoOrder = new UndoOrder();
    private final PreviewViewModel preview;
    private final RenderQueueViewModel renders;
    private final ColorizeWorker previewWorker;
    private final FilmViewModel viewer;
    private final ProjectSession session;
    private final RecentFiles recentFiles;
    private final PreviewLauncher previews;

    private final ObjectProperty<ProjectSettings> settings = new SimpleObjectProperty<>(ProjectSettings.DEFAULTS);
    private final ObjectProperty<DeviceProbe.DeviceStatus> device = new SimpleObjectProperty<>();
    private final ColorizedDisplay colorized;
    private final TimelineLanes lanes;
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
        colorized = new ColorizedDisplay(preview, services.tasks().lane("overlay"), ui, notice::set);
        lanes = new TimelineLanes(services.tasks().lane("lanes"), ui, timeline, exemplars.exemplars(), preview);
        previewWorker.onDeviceFallback(reason -> ui.execute(() -> {
            if (reason != null) {
                device.set(new DeviceProbe.DeviceStatus(settings.get().device(), dev.nitrate.engine.colorize.ComputeDevice.CPU, reason));
                notice.set(reason);
            }
        }));
        renders = new RenderQueueViewModel(services.renderer(), services.tasks().lane("render"), ui, this::renderQueueChanged);
        renders.setContext(() -> new RenderContext(film().get(), exemplars.snapshot(), settings.get(), timeline.shotsProperty().get(), projectFile()));
        viewer = new FilmViewModel(services, ui, timeline, notice::set, colorized::show);
        session = new ProjectSession(services.projects(), services.appData(), services.tasks().lane("autosave"), ui, notice::set);
        recentFiles = new RecentFiles(services.appData(), notice::set);
        previews = new PreviewLauncher(timeline, exemplars, preview, film()::get, settings::get, this::report);

        preview.onFrameArrived(frame -> {
            if (frame == timeline.currentFrameProperty().get()) {
                colorized.show(frame);
            }
        });
        UndoOrder.Undoable exemplarEdit = new UndoOrder.Undoable(exemplars::undo, exemplars::redo);
        UndoOrder.Undoable shotEdit = new UndoOrder.Undoable(shotEditor::undo, shotEditor::redo);
        exemplars.onEdit(() -> undoOrder.edited(exemplarEdit));
        shotEditor.onEdit(() -> undoOrder.edited(shotEdit));
        timeline.shotsProperty().addListener((o, a, b) -> {
            if (shotEditor.edited()) {
                preview.invalidate();
                changed();
            }
        });
        exemplars.onChange(() -> {
            timeline.exemplarFrames().setAll(exemplars.exemplars().stream().map(ProjectExemplar::frame).toList());
            preview.invalidate();
            colorized.clear();
            changed();
        });
        settings.addListener((o, a, b) -> {
            device.set(services.devices().probe(b.device()));
            preview.invalidate();
            colorized.clear();
            changed();
        });
        device.set(services.devices().probe(settings.get().device()));
    }

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
            shotEditor.reset(List.of(), FilmFacts.frameCount(info));
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
        undoOrder.clear();
        preview.invalidate();
        colorized.clear();
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
                shotEditor.reset(project.shotStarts(), FilmFacts.frameCount(projectFilm)).ifPresent(viewer::useShots);
            } else {
                viewer.unload();
                colorized.clear();
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
                renders.records(), shotEditor.startsToSave());
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

    public void previewCurrentShot() {
        previews.currentShot();
    }

    public void previewAroundPlayhead() {
        previews.aroundPlayhead();
    }

    /**
     * Queues an export. A saved project is saved first, so that the render refers to the project's own exemplar
     * copies and resumes after a restart; an unsaved one renders too, with a notice that it cannot resume. A second
     * render to the output of a queued or running one is refused with a message: returns {@code null}. */
    public RenderItem export(ExportDialog.Request request) {
        Path output = request.output().toAbsolutePath();
        if (renders.items().stream().anyMatch(item -> item.recordProperty().get().output().equals(output)
                && (item.stateProperty().get() == RenderItem.State.QUEUED || item.stateProperty().get() == RenderItem.State.RUNNING))) {
            report(output + " is already the output of a render in the queue: choose another file, or cancel that render first.");
            return null;
        }
        if (session.fileProperty().get() != null) {
            saveProject(session.fileProperty().get());
        } else {
            notice.set("Save the project so that an interrupted export can resume after a restart");
        }
        return renders.enqueue(request.output(), request.format(), request.quality(), request.first(), request.end(),
                request.lumaLock(), request.audio(), request.overwrite());
    }

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
        lanes.close();
        colorized.close();
        previewWorker.close();
    }

    public Services services() {
        return services;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    /** Takes back the latest edit of the exemplars or the shots. */
    public void undo() {
        undoOrder.undo();
    }

    public void redo() {
        undoOrder.redo();
    }

    public UndoOrder undoOrder() {
        return undoOrder;
    }

    public ShotEditor shotEditor() {
        return shotEditor;
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
        return colorized.imageProperty();
    }

    /** Whether the viewer hatches the preview's low-confidence pixels (with a colorizer that gives a confidence). */
    public BooleanProperty confidenceOverlayProperty() {
        return colorized.overlayProperty();
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

    public LongProperty firstPictureNanosProperty() {
        return viewer.firstPictureNanosProperty();
    }

    public StringProperty playbackStatusProperty() {
        return viewer.playbackStatusProperty();
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
