package dev.nitrate.app.export;

import dev.nitrate.app.Icons;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The render queue: one row per render with its progress bar, time left (wrapped, never cut off) and a cancel button;
 * a finished render offers to open its output or folder, a stopped one that left its work folder to resume or discard it.
 */
public final class RenderQueueView extends VBox {

    /** Opens a file or folder in the desktop's own application; tests put a recorder in its place. */
    @FunctionalInterface
    public interface Opener {
        void open(Path path);
    }

    private Opener opener = RenderQueueView::openOnDesktop;
    private Consumer<String> report = message -> { };

    public RenderQueueView(RenderQueueViewModel model) {
        getStyleClass().addAll("panel", "render-queue");
        setId("render-queue");
        Label title = new Label("Render queue");
        title.getStyleClass().add("panel-title");
        ListView<RenderItem> list = new ListView<>(model.items());
        list.setId("render-list");
        list.setPlaceholder(new Label("No renders. File > Export adds one."));
        list.setPrefHeight(150);
        list.setCellFactory(v -> new RenderCell(model));
        list.setMinHeight(60);
        VBox.setVgrow(list, Priority.ALWAYS);
        Button clear = new Button("Clear finished");
        clear.setOnAction(e -> model.clearFinished());
        getChildren().addAll(new HBox(8, title, new javafx.scene.layout.Region() {{ HBox.setHgrow(this, Priority.ALWAYS); }}, clear), list);
        setSpacing(6);
        setPadding(new Insets(10));
    }

    public void useOpener(Opener opener) {
        this.opener = opener;
    }

    public void onError(Consumer<String> report) {
        this.report = report;
    }

    private static void openOnDesktop(Path path) {
        Thread thread = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(path.toFile());
                } else {
                    new ProcessBuilder("xdg-open", path.toString()).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                System.getLogger(RenderQueueView.class.getName()).log(System.Logger.Level.WARNING, "cannot open " + path, e);
            }
        }, "open-output");
        thread.setDaemon(true);
        thread.start();
    }

    private final class RenderCell extends ListCell<RenderItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel;
        private final Button openOutput = action("Open output", "render-open-output");
        private final Button openFolder = action("Open folder", "render-open-folder");
        private final Button resume = action("Resume", "render-resume");
        private final Button discard = action("Discard", "render-discard");
        private final VBox box;
        private RenderItem bound;

        RenderCell(RenderQueueViewModel model) {
            openOutput.setOnAction(e -> opener.open(bound.recordProperty().get().output()));
            openFolder.setOnAction(e -> opener.open(bound.recordProperty().get().output().getParent()));
            resume.setOnAction(e -> model.resume(bound));
            discard.setOnAction(e -> model.discard(bound).ifPresent(report));
            cancel = Icons.button("mdi2c-close-circle-outline", "Cancel this render", () -> {
                if (bound != null) {
                    model.cancel(bound);
                }
            });
            cancel.getStyleClass().add("render-cancel");
            detail.getStyleClass().add("muted");
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefWidth(80);
            name.setMinWidth(0);
            detail.setMinWidth(0);
            detail.setWrapText(true);
            setPrefWidth(0);
            HBox.setHgrow(bar, Priority.ALWAYS);
            HBox row = new HBox(6, bar, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox actions = new HBox(6, openOutput, openFolder, resume, discard);
            box = new VBox(3, name, row, detail, actions);
            this.model = model;
        }

        private final RenderQueueViewModel model;

        private Button action(String text, String id) {
            Button button = new Button(text);
            button.setId(id);
            button.getStyleClass().add("render-action");
            button.managedProperty().bind(button.visibleProperty());
            return button;
        }

        @Override
        protected void updateItem(RenderItem item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bar.progressProperty().unbind();
                detail.textProperty().unbind();
                cancel.disableProperty().unbind();
                for (Button b : List.of(openOutput, openFolder, resume, discard)) {
                    b.visibleProperty().unbind();
                }
            }
            bound = empty ? null : item;
            if (item == null || empty) {
                setGraphic(null);
                return;
            }
            name.setText(item.recordProperty().get().output().getFileName() + "  ·  " + item.recordProperty().get().format());
            bar.progressProperty().bind(item.progressProperty());
            detail.textProperty().bind(item.detailProperty());
            cancel.disableProperty().bind(item.stateProperty().isNotEqualTo(RenderItem.State.RUNNING)
                    .and(item.stateProperty().isNotEqualTo(RenderItem.State.QUEUED)));
            openOutput.visibleProperty().bind(item.stateProperty().isEqualTo(RenderItem.State.DONE));
            openFolder.visibleProperty().bind(item.stateProperty().isEqualTo(RenderItem.State.DONE));
            BooleanBinding stopped = Bindings.createBooleanBinding(() -> model.canResume(item), item.stateProperty(), item.detailProperty());
            resume.visibleProperty().bind(stopped);
            discard.visibleProperty().bind(stopped);
            setGraphic(box);
        }
    }
}
