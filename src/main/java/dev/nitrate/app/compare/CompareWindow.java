package dev.nitrate.app.compare;

import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.Icons;
import dev.nitrate.app.project.ProjectExemplar;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The compare window: two sides at the source's size (side by side, a wipe, or with the gray source), one shared zoom
 * and pan, synchronised playback, per-shot figures under each side with what they mean, and a button that makes a
 * side's exemplar the one pinned for the shot.
 */
public final class CompareWindow {

    private final Stage stage = new Stage();
    private final CompareViewModel model;
    private final ComparePanes panes;
    private final Timeline playback;
    private final Label zoomReadout = new Label();

    public CompareWindow(Window owner, EditorViewModel editor) {
        model = new CompareViewModel(editor, Platform::runLater);
        panes = new ComparePanes(model);
        stage.initOwner(owner);
        stage.setTitle("Compare — frames " + model.firstProperty().get() + " to " + (model.endProperty().get() - 1));
        VBox.setVgrow(panes, Priority.ALWAYS);
        HBox sides = new HBox(12, side(model.left(), editor), side(model.right(), editor));
        sides.getChildren().forEach(box -> HBox.setHgrow(box, Priority.ALWAYS));
        VBox centre = new VBox(8, viewBar(), panes, sides);
        centre.setPadding(new Insets(12));

        Button run = Icons.labelled("mdi2p-palette", "Colorize both", model::run);
        run.setId("compare-run");
        run.disableProperty().bind(model.runningProperty());
        Button cancel = Icons.button("mdi2s-stop", "Cancel (Esc)", model::cancel);
        cancel.disableProperty().bind(model.runningProperty().not());
        ToggleButton play = new ToggleButton(null, Icons.icon("mdi2p-play"));
        play.setId("compare-play");
        play.setTooltip(new Tooltip("Play both sides in step"));
        double fps = editor.filmProperty().get() == null ? 24 : editor.filmProperty().get().frameRate().toDouble();
        playback = new Timeline(new KeyFrame(Duration.seconds(1 / fps), e -> model.step()));
        playback.setCycleCount(Timeline.INDEFINITE);
        play.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                playback.play();
            } else {
                playback.stop();
            }
        });
        Slider position = new Slider(model.firstProperty().get(), Math.max(model.firstProperty().get(), model.endProperty().get() - 1),
                model.firstProperty().get());
        position.setId("compare-position");
        HBox.setHgrow(position, Priority.ALWAYS);
        position.valueProperty().addListener((o, a, b) -> model.frameProperty().set(b.intValue()));
        model.frameProperty().addListener((o, a, b) -> position.setValue(b.intValue()));
        Label frameLabel = new Label();
        frameLabel.textProperty().bind(model.frameProperty().asString("Frame %d"));
        Label status = new Label();
        status.setId("compare-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        HBox controls = new HBox(10, run, cancel, play, position, frameLabel);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, controls, status);
        bottom.setPadding(new Insets(0, 12, 12, 12));
        BorderPane root = new BorderPane(centre, null, null, bottom, null);
        root.getStyleClass().add("compare");
        root.setId("compare-root");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setOnHidden(e -> {
            playback.stop();
            model.close();
        });
    }

    private void key(KeyEvent e) {
        boolean shortcut = e.isShortcutDown();
        if (shortcut && e.getCode() == KeyCode.W) {
            stage.close();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (model.runningProperty().get()) {
                model.cancel();
            } else {
                stage.close();
            }
        } else if (shortcut && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
            fit();
        } else if (shortcut && (e.getCode() == KeyCode.DIGIT1 || e.getCode() == KeyCode.NUMPAD1)) {
            actualSize();
        } else if (shortcut && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            panes.leading().zoomBy(1.25);
        } else if (shortcut && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            panes.leading().zoomBy(0.8);
        } else {
            return;
        }
        e.consume();
    }

    private HBox viewBar() {
        ToggleGroup modes = new ToggleGroup();
        HBox bar = new HBox(6);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (ComparePanes.Mode mode : ComparePanes.Mode.values()) {
            ToggleButton button = new ToggleButton(mode.label());
            button.setId("compare-mode-" + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setToggleGroup(modes);
            button.setSelected(panes.modeProperty().get() == mode);
            button.setOnAction(e -> {
                panes.modeProperty().set(mode);
                button.setSelected(true);
            });
            panes.modeProperty().addListener((o, was, now) -> button.setSelected(now == mode));
            bar.getChildren().add(button);
        }
        Button fit = Icons.labelled("mdi2f-fit-to-screen-outline", "Fit", this::fit);
        fit.setId("compare-fit");
        fit.setTooltip(new Tooltip("Fit the pictures to the window (Ctrl+0)"));
        Button actual = Icons.labelled("mdi2m-magnify-scan", "100%", this::actualSize);
        actual.setId("compare-actual-size");
        actual.setTooltip(new Tooltip("One picture pixel to one screen pixel (Ctrl+1); drag with Shift or the middle button, "
                + "or scroll, to pan; every picture follows"));
        Button out = Icons.button("mdi2m-magnify-minus-outline", "Zoom out (Ctrl+- or Ctrl+scroll)", () -> panes.leading().zoomBy(0.8));
        Button in = Icons.button("mdi2m-magnify-plus-outline", "Zoom in (Ctrl+= or Ctrl+scroll)", () -> panes.leading().zoomBy(1.25));
        zoomReadout.setId("compare-zoom");
        zoomReadout.setMinWidth(90);
        panes.zoomProperty().addListener((o, a, b) -> updateReadout());
        for (var view : panes.views()) {
            view.widthProperty().addListener((o, a, b) -> updateReadout());
            view.heightProperty().addListener((o, a, b) -> updateReadout());
            view.sourceProperty().addListener((o, a, b) -> updateReadout());
        }
        panes.modeProperty().addListener((o, a, b) -> Platform.runLater(this::updateReadout));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(spacer, out, zoomReadout, in, fit, actual);
        return bar;
    }

    private void updateReadout() {
        zoomReadout.setText(panes.leading().zoomReadout());
    }

    /** Fits every picture to its view. */
    public void fit() {
        panes.leading().fit();
    }

    /** Shows every picture at 100%. */
    public void actualSize() {
        panes.leading().actualSize();
    }

    private VBox side(CompareViewModel.Side side, EditorViewModel editor) {
        String name = side.name();
        ComboBox<ProjectExemplar> exemplar = new ComboBox<>(editor.exemplars().exemplars());
        exemplar.setId("compare-exemplar-" + name);
        exemplar.setCellFactory(v -> new ExemplarName());
        exemplar.setButtonCell(new ExemplarName());
        ComboBox<Integer> height = new ComboBox<>();
        height.getItems().addAll(144, 240, 360, 480);
        CompareViewModel.Choice initial = side.choiceProperty().get();
        if (initial != null) {
            exemplar.setValue(initial.exemplar());
            height.setValue(initial.previewHeight());
        }
        Runnable choose = () -> {
            if (exemplar.getValue() != null && height.getValue() != null) {
                side.choiceProperty().set(new CompareViewModel.Choice(exemplar.getValue(), height.getValue()));
            }
        };
        side.choiceProperty().addListener((o, a, b) -> {
            if (b != null) {
                exemplar.setValue(b.exemplar());
                height.setValue(b.previewHeight());
            }
        });
        exemplar.setOnAction(e -> choose.run());
        height.setOnAction(e -> choose.run());
        Button use = Icons.labelled("mdi2c-check-circle-outline", "Use this exemplar", () -> model.useExemplarOf(side));
        use.setId("compare-use-" + name);
        use.setTooltip(new Tooltip("Pin side " + name + "'s exemplar to this shot in place of the shot's other pins "
                + "(Edit > Undo in the editor takes it back)"));
        use.disableProperty().bind(side.choiceProperty().isNull());
        exemplar.setTooltip(new Tooltip("Side " + name + "'s exemplar"));
        exemplar.setMinWidth(120);
        exemplar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(exemplar, Priority.ALWAYS);
        height.setMinWidth(Region.USE_PREF_SIZE);
        height.setTooltip(new Tooltip("The height side " + name + " is colorized at; its colour is then brought to the source's size"));
        use.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label("Side " + name);
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label heightLabel = new Label("Height");
        heightLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label figures = new Label();
        figures.setId("compare-figures-" + name);
        figures.getStyleClass().add("figures");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        figures.textProperty().bind(side.figuresProperty());
        Tooltip explained = new Tooltip(FigureReading.explanation());
        explained.setShowDelay(Duration.millis(300));
        explained.setShowDuration(Duration.INDEFINITE);
        figures.setTooltip(explained);
        HBox choice = new HBox(8, title, exemplar, heightLabel, height, use);
        choice.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, choice, figures);
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(8, 10, 8, 10));
        box.setMinWidth(0);
        return box;
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public CompareViewModel model() {
        return model;
    }

    public ComparePanes panes() {
        return panes;
    }

    private static final class ExemplarName extends ListCell<ProjectExemplar> {
        @Override
        protected void updateItem(ProjectExemplar item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.originalName() + " @ " + item.frame());
        }
    }
}
