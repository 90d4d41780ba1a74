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
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/** The compare window: two sides, synchronised playback, per-shot figures under each side. */
public final class CompareWindow {

    private final Stage stage = new Stage();
    private final CompareViewModel model;
    private final Timeline playback;

    public CompareWindow(Window owner, EditorViewModel editor) {
        model = new CompareViewModel(editor, Platform::runLater);
        stage.initOwner(owner);
        stage.setTitle("Compare — frames " + model.firstProperty().get() + " to " + (model.endProperty().get() - 1));
        HBox sides = new HBox(12, side("A", model.left(), editor), side("B", model.right(), editor));
        sides.setPadding(new Insets(12));
        HBox.setHgrow(sides.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(sides.getChildren().get(1), Priority.ALWAYS);

        Button run = Icons.labelled("mdi2p-palette", "Colorize both", model::run);
        run.setId("compare-run");
        run.disableProperty().bind(model.runningProperty());
        Button cancel = Icons.button("mdi2s-stop", "Cancel", model::cancel);
        cancel.disableProperty().bind(model.runningProperty().not());
        ToggleButton play = new ToggleButton(null, Icons.icon("mdi2p-play"));
        play.setId("compare-play");
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
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        HBox controls = new HBox(10, run, cancel, play, position, frameLabel);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, controls, status);
        bottom.setPadding(new Insets(0, 12, 12, 12));
        BorderPane root = new BorderPane(sides, null, null, bottom, null);
        root.getStyleClass().add("compare");
        root.setId("compare-root");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(640, screen.getHeight()));
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            playback.stop();
            model.close();
        });
    }

    private VBox side(String name, CompareViewModel.Side side, EditorViewModel editor) {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("compare-frame");
        frame.setMinSize(200, 150);
        view.fitWidthProperty().bind(frame.widthProperty().subtract(8));
        view.fitHeightProperty().bind(frame.heightProperty().subtract(8));
        VBox.setVgrow(frame, Priority.ALWAYS);
        Runnable refresh = () -> view.setImage(side.frame(model.frameProperty().get()));
        model.frameProperty().addListener((o, a, b) -> refresh.run());

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
        Label title = new Label("Side " + name);
        title.getStyleClass().add("panel-title");
        Label figures = new Label();
        figures.setId("compare-figures-" + name);
        figures.getStyleClass().add("figures");
        figures.textProperty().bind(side.figuresProperty());
        HBox choice = new HBox(8, new Label("Exemplar"), exemplar, new Label("Preview height"), height);
        choice.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, title, frame, choice, figures);
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(10));
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

    private static final class ExemplarName extends ListCell<ProjectExemplar> {
        @Override
        protected void updateItem(ProjectExemplar item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.originalName() + " @ " + item.frame());
        }
    }
}
