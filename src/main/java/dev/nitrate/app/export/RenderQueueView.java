package dev.nitrate.app.export;

import dev.nitrate.app.Icons;
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

/** The render queue: one row per render with its progress bar, time left and a cancel button. */
public final class RenderQueueView extends VBox {

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
        VBox.setVgrow(list, Priority.ALWAYS);
        Button clear = new Button("Clear finished");
        clear.setOnAction(e -> model.clearFinished());
        getChildren().addAll(new HBox(8, title, new javafx.scene.layout.Region() {{ HBox.setHgrow(this, Priority.ALWAYS); }}, clear), list);
        setSpacing(6);
        setPadding(new Insets(10));
    }

    private static final class RenderCell extends ListCell<RenderItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel;
        private final VBox box;
        private RenderItem bound;

        RenderCell(RenderQueueViewModel model) {
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
            setPrefWidth(0);
            HBox.setHgrow(bar, Priority.ALWAYS);
            HBox row = new HBox(6, bar, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, name, row, detail);
        }

        @Override
        protected void updateItem(RenderItem item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bar.progressProperty().unbind();
                detail.textProperty().unbind();
                cancel.disableProperty().unbind();
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
            setGraphic(box);
        }
    }
}
