package dev.nitrate.app;

import dev.nitrate.app.compare.CompareWindow;
import dev.nitrate.app.exemplars.ExemplarsView;
import dev.nitrate.app.export.ExportDialog;
import dev.nitrate.app.export.RenderQueueView;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.settings.SettingsDialog;
import dev.nitrate.app.status.StatusBar;
import dev.nitrate.app.timeline.TimelineView;
import dev.nitrate.app.timeline.TimelineViewModel;
import dev.nitrate.app.viewer.ViewerView;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The editor window: menus and tool bar, viewer, side panels, transport, timeline and status bar. */
public final class MainWindow {

    private static final List<String> PICTURES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif");

    private final EditorViewModel editor;
    private final Stage stage;
    private final ViewerView viewer = new ViewerView();
    private final TimelineView timeline;
    private final ExemplarsView exemplars;
    private final FileDialogs files;
    private final HandColouringActions handColouring;
    private final RenderQueueView renderQueue;
    private final EditorKeys keys;
    private CompareWindow compare;

    public MainWindow(EditorViewModel editor, Stage stage) {
        this.editor = editor;
        this.stage = stage;
        this.files = new FileDialogs(editor, stage);
        this.handColouring = new HandColouringActions(editor, stage);
        this.renderQueue = new RenderQueueView(editor.renders());
        TimelineViewModel time = editor.timeline();
        timeline = new TimelineView(time);
        exemplars = new ExemplarsView(editor);
        TimelineMenu.install(timeline, editor, handColouring, exemplars::selected);
        editor.onThumbnailsChanged(cache -> {
            FilmInfo film = editor.filmProperty().get();
            timeline.setFilm((double) film.width() / film.height(), cache);
            cache.onArrived(frame -> timeline.requestLayout());
            time.zoomToFit(Math.max(600, timeline.getWidth() > 0 ? timeline.getWidth() : stage.getWidth() - 40));
        });

        viewer.sourceProperty().bind(editor.sourceImageProperty());
        viewer.colorizedProperty().bind(editor.colorizedImageProperty());
        viewer.captionProperty().bind(editor.captionProperty());
        keys = new EditorKeys(editor, exemplars);

        SplitPane center = new SplitPane(viewer, sidebar());
        center.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(center.getItems().get(1), false);

        VBox bottom = new VBox(transport(), timeline, new StatusBar(editor));
        BorderPane root = new BorderPane(center, new VBox(new EditorMenus(this, editor, files).bar(), toolBar()), null, bottom, null);
        root.getStyleClass().add("editor");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("nitrate.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys::handle);
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dropped);
        stage.setScene(scene);
        stage.getIcons().addAll(icon(16), icon(32), icon(64), icon(128), icon(256));
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::title,
                editor.projectFileProperty(), editor.filmProperty(), editor.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (compare != null) {
                compare.stage().close();
            }
        });
        editor.onError(this::showError);
        editor.onUnsavedWork(files::mayDropOrSave);

        AnimationTimer player = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    time.advance((now - last) / 1e9);
                }
                last = time.playingProperty().get() ? now : 0;
            }
        };
        player.start();
    }

    private Image icon(int size) {
        return new Image(MainWindow.class.getResource("icons/nitrate-" + size + ".png").toExternalForm());
    }

    public void show() {
        stage.show();
    }

    private String title() {
        Path project = editor.projectFileProperty().get();
        FilmInfo film = editor.filmProperty().get();
        String name = project != null ? project.getFileName().toString()
                : film != null ? film.source().getFileName() + " (unsaved project)" : "No film";
        return (editor.dirtyProperty().get() ? "• " : "") + name + " — Nitrate";
    }

    /**
     * The tool bar. It is a row, not a {@link javafx.scene.control.ToolBar}, so that it never moves buttons into an
     * overflow menu: when the window is narrow (a 1600-pixel screen at 1.5x is 1066 wide) the preview status gives way
     * first, cut with an ellipsis, and Compare, Export and Settings keep their full size.
     */
    private HBox toolBar() {
        Button openFilm = Icons.button("mdi2m-movie-open-outline", "Open a film or image sequence (Ctrl+O)", files::chooseFilm);
        openFilm.setId("tool-open-film");
        Button openProject = Icons.button("mdi2f-folder-open", "Open a project (Ctrl+Shift+O)", files::chooseProject);
        Button save = Icons.button("mdi2c-content-save", "Save the project (Ctrl+S)", files::save);
        save.setId("tool-save");
        Button previewShot = Icons.labelled("mdi2p-palette", "Preview shot", editor::previewCurrentShot);
        previewShot.setId("preview-shot");
        previewShot.getStyleClass().add("accent");
        Button previewAround = Icons.labelled("mdi2a-arrow-split-vertical", "Around playhead", editor::previewAroundPlayhead);
        previewAround.setId("preview-around");
        Button cancel = Icons.button("mdi2s-stop", "Cancel the preview (Esc)", editor.preview()::cancel);
        cancel.setId("preview-cancel");
        cancel.disableProperty().bind(editor.preview().runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("preview-progress");
        progress.setPrefWidth(180);
        progress.setMinWidth(60);
        progress.progressProperty().bind(editor.preview().progressProperty());
        progress.visibleProperty().bind(editor.preview().runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label previewStatus = new Label();
        previewStatus.setId("preview-status");
        previewStatus.getStyleClass().add("muted");
        previewStatus.textProperty().bind(editor.preview().statusProperty());
        previewStatus.setMaxWidth(420);
        previewStatus.setMinWidth(0);
        previewStatus.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        previewStatus.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new javafx.scene.control.Tooltip(previewStatus.getText()), previewStatus.textProperty()));
        HBox.setHgrow(previewStatus, Priority.SOMETIMES);
        Button compareButton = Icons.labelled("mdi2c-compare", "Compare", this::compare);
        compareButton.setId("tool-compare");
        Button exportButton = Icons.labelled("mdi2e-export", "Export", this::export);
        exportButton.setId("tool-export");
        Button settings = Icons.button("mdi2c-cog-outline", "Settings", this::settings);
        settings.setId("tool-settings");
        Region spacer = new Region();
        spacer.setMinWidth(0);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        List<javafx.scene.Node> items = List.of(openFilm, openProject, save, new Separator(Orientation.VERTICAL), previewShot,
                previewAround, cancel, progress, previewStatus, spacer, compareButton, exportButton, settings);
        for (javafx.scene.Node item : items) {
            if (item instanceof Button button) {
                button.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox bar = new HBox(6);
        bar.getChildren().setAll(items);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("main-toolbar");
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private SplitPane sidebar() {
        renderQueue.onError(editor::report);
        SplitPane side = new SplitPane(exemplars, renderQueue);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.5);
        side.getStyleClass().add("sidebar");
        side.setMinWidth(340);
        side.setPrefWidth(380);
        return side;
    }

    private HBox transport() {
        TimelineViewModel time = editor.timeline();
        Button start = Icons.button("mdi2s-skip-previous", "First frame (Home)", time::home);
        Button previousShot = Icons.button("mdi2r-rewind", "Previous shot (Shift+Left)", time::previousShot);
        Button back = Icons.button("mdi2s-step-backward", "Previous frame (Left)", () -> time.step(-1));
        Button play = Icons.button("mdi2p-play", "Play / pause (Space; J K L shuttle)", time::togglePlay);
        play.setId("transport-play");
        time.playingProperty().addListener((o, a, b) -> play.setGraphic(Icons.icon(b ? "mdi2p-pause" : "mdi2p-play")));
        Button forward = Icons.button("mdi2s-step-forward", "Next frame (Right)", () -> time.step(1));
        Button nextShot = Icons.button("mdi2f-fast-forward", "Next shot (Shift+Right)", time::nextShot);
        Button end = Icons.button("mdi2s-skip-next", "Last frame (End)", time::end);
        Label position = new Label();
        position.setId("transport-position");
        position.getStyleClass().add("timecode");
        position.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            FilmInfo film = editor.filmProperty().get();
            int frame = time.currentFrameProperty().get();
            return film == null ? "" : FilmFacts.timecode(film, frame) + "  ·  " + film.width() + "x" + film.height()
                    + "  ·  " + film.frameRate().display() + " fps";
        }, time.currentFrameProperty(), editor.filmProperty()));
        Label shots = new Label();
        shots.getStyleClass().add("muted");
        Runnable showShots = () -> {
            Shots s = time.shotsProperty().get();
            shots.setText(editor.detectingShotsProperty().get() ? "Finding shots…" : s.count() + (s.count() == 1 ? " shot" : " shots"));
        };
        time.shotsProperty().addListener((o, a, b) -> showShots.run());
        editor.detectingShotsProperty().addListener((o, a, b) -> showShots.run());
        showShots.run();
        Button fit = Icons.button("mdi2f-fit-to-screen-outline", "Fit the frame to the viewer", viewer::fit);
        Button zoomOut = Icons.button("mdi2m-magnify-minus-outline", "Timeline zoom out (Ctrl+scroll)", () -> time.zoomBy(1 / 1.5));
        zoomOut.setId("timeline-zoom-out");
        Button zoomIn = Icons.button("mdi2m-magnify-plus-outline", "Timeline zoom in (Ctrl+scroll)", () -> time.zoomBy(1.5));
        zoomIn.setId("timeline-zoom-in");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(4, start, previousShot, back, play, forward, nextShot, end, new Separator(Orientation.VERTICAL),
                position, spacer, shots, new Separator(Orientation.VERTICAL), new Label("Viewer"), fit,
                new Separator(Orientation.VERTICAL), new Label("Timeline"), zoomOut, zoomIn);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("transport");
        return box;
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
    }

    private void dropped(DragEvent event) {
        List<File> files = event.getDragboard().getFiles();
        boolean ok = files != null && !files.isEmpty();
        if (ok) {
            List<Path> pictures = files.stream().map(File::toPath).filter(MainWindow::isPicture).toList();
            if (!pictures.isEmpty() && editor.filmProperty().get() != null) {
                exemplars.addAll(pictures);
            } else {
                editor.open(files.get(0).toPath());
            }
        }
        event.setDropCompleted(ok);
        event.consume();
    }

    private static boolean isPicture(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && PICTURES.stream().anyMatch(name::endsWith);
    }

    public void export() {
        FilmInfo film = editor.filmProperty().get();
        if (film == null) {
            showError("Open a film before exporting.");
            return;
        }
        Shots shots = editor.timeline().shotsProperty().get();
        int shot = editor.timeline().currentShot();
        Path suggested = film.source().resolveSibling(film.source().getFileName().toString().replaceAll("\\.[^.]+$", "") + "_color.mp4");
        new ExportDialog(stage, film, suggested, shots.start(shot), shots.end(shot), editor.renders().copiesAudio())
                .showAndWait()
                .ifPresent(editor::export);
    }

    public void settings() {
        new SettingsDialog(stage, editor.settingsProperty().get(), editor.services().devices()).showAndWait()
                .ifPresent(editor::applySettings);
    }

    public void compare() {
        if (editor.filmProperty().get() == null || editor.exemplars().exemplars().isEmpty()) {
            showError("Open a film and add at least one exemplar to compare.");
            return;
        }
        if (compare != null) {
            compare.stage().close();
        }
        compare = new CompareWindow(stage, editor);
        compare.show();
    }

    void shortcuts() {
        KeyboardSheet.show(stage);
    }

    void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("Nitrate");
        alert.setHeaderText("Something needs your attention");
        alert.setContentText(message);
        alert.getDialogPane().setId("error-dialog");
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }

    public ViewerView viewer() {
        return viewer;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public ExemplarsView exemplars() {
        return exemplars;
    }

    Stage stage() {
        return stage;
    }

    public RenderQueueView renderQueue() {
        return renderQueue;
    }

    EditorKeys keys() {
        return keys;
    }

    HandColouringActions handColouring() {
        return handColouring;
    }

    public CompareWindow compareWindow() {
        return compare;
    }
}
