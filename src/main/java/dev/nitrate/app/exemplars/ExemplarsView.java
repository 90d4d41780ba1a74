package dev.nitrate.app.exemplars;

import dev.nitrate.app.EditorViewModel;
import dev.nitrate.app.Icons;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.shots.Shots;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The exemplars panel: thumbnails, pins, fit, add (button or drop), remove (button, Delete key or right-click), undo and redo. */
public final class ExemplarsView extends VBox {

    private final EditorViewModel editor;
    private final ExemplarsViewModel model;
    private final ListView<ProjectExemplar> list;

    public ExemplarsView(EditorViewModel editor) {
        this.editor = editor;
        this.model = editor.exemplars();
        getStyleClass().addAll("panel", "exemplars");
        setId("exemplars");
        Label title = new Label("Exemplars");
        title.getStyleClass().add("panel-title");

        list = new ListView<>(model.exemplars());
        list.setId("exemplar-list");
        list.setCellFactory(v -> new ExemplarCell());
        list.setPlaceholder(new Label("Drop colour reference images here\nor press Add"));
        list.setPrefHeight(260);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnDragOver(this::dragOver);
        list.setOnDragDropped(this::dropped);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected() != null) {
                editor.timeline().seek(selected().frame());
            }
        });
        list.setContextMenu(contextMenu());
        editor.timeline().shotsProperty().addListener((o, a, b) -> list.refresh());

        Button add = Icons.button("mdi2i-image-plus", "Add an exemplar at the playhead (or drop images on the list)", this::chooseAndAdd);
        add.setId("exemplar-add");
        Button pinFrame = Icons.button("mdi2p-pin-outline", "Pin the selected exemplar to the current frame too (its other pins stay)",
                () -> pin(PinScope.FRAME));
        pinFrame.setId("exemplar-pin-frame");
        Button pinShot = Icons.button("mdi2t-theater", "Pin the selected exemplar to the current shot too (its other pins stay)",
                () -> pin(PinScope.SHOT));
        pinShot.setId("exemplar-pin-shot");
        Button remove = Icons.button("mdi2d-delete", "Remove the selected exemplar (Delete)", () -> {
            if (selected() != null) {
                model.remove(selected());
            }
        });
        remove.setId("exemplar-remove");
        Button undo = Icons.button("mdi2u-undo", "Undo (Ctrl+Z)", editor::undo);
        undo.setId("exemplar-undo");
        undo.disableProperty().bind(editor.undoOrder().canUndoProperty().not());
        Button redo = Icons.button("mdi2r-redo", "Redo (Ctrl+Shift+Z)", editor::redo);
        redo.setId("exemplar-redo");
        redo.disableProperty().bind(editor.undoOrder().canRedoProperty().not());
        pinFrame.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        pinShot.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(4, add, pinFrame, pinShot, remove, spacer, undo, redo);
        tools.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, list, tools);
        setSpacing(6);
        setPadding(new Insets(10));
    }

    /** The exemplar selected in the list, or null. */
    public ProjectExemplar selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** Removes the selected exemplar (the Delete key); returns whether one was selected. */
    public boolean removeSelected() {
        ProjectExemplar e = selected();
        if (e != null) {
            model.remove(e);
        }
        return e != null;
    }

    private void pin(PinScope scope) {
        ProjectExemplar e = selected();
        if (e != null) {
            list.getSelectionModel().select(model.addPin(e, editor.timeline().currentFrameProperty().get(), scope));
        }
    }

    private ContextMenu contextMenu() {
        MenuItem go = menuItem("Go to Pinned Frame", "exemplar-menu-go", () -> editor.timeline().seek(selected().frame()));
        MenuItem pinFrame = menuItem("Pin to Current Frame Too", "exemplar-menu-pin-frame", () -> pin(PinScope.FRAME));
        MenuItem pinShot = menuItem("Pin to Current Shot Too", "exemplar-menu-pin-shot", () -> pin(PinScope.SHOT));
        MenuItem remove = menuItem("Remove", "exemplar-menu-remove", () -> model.remove(selected()));
        ContextMenu menu = new ContextMenu(go, pinFrame, pinShot, new SeparatorMenuItem(), remove);
        menu.setId("exemplar-menu");
        menu.setOnShowing(e -> menu.getItems().forEach(item -> item.setDisable(selected() == null)));
        return menu;
    }

    private static MenuItem menuItem(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void chooseAndAdd() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add exemplar");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.bmp"));
        Window window = getScene() == null ? null : getScene().getWindow();
        List<File> files = chooser.showOpenMultipleDialog(window);
        if (files != null) {
            addAll(files.stream().map(File::toPath).toList());
        }
    }

    /** Adds pictures pinned to the current shot; a bad file gives a message and the others are still added. */
    public void addAll(List<Path> files) {
        int frame = editor.timeline().currentFrameProperty().get();
        for (Path file : files) {
            try {
                model.add(file, frame, PinScope.SHOT, ExemplarFit.CROP);
            } catch (FilmException e) {
                editor.report(e.getMessage());
            }
        }
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean ok = event.getDragboard().hasFiles();
        if (ok) {
            addAll(event.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        event.setDropCompleted(ok);
        event.consume();
    }

    /** The one label form of a pin: "Shot 2 · frame 40 · pinned to the frame" (or "to the shot"). */
    public static String pinLabel(ProjectExemplar exemplar, Shots shots) {
        int shot = shots.shotOf(Math.min(exemplar.frame(), shots.frameCount() - 1)) + 1;
        return "Shot " + shot + " · frame " + exemplar.frame() + " · pinned to the " + (exemplar.scope() == PinScope.SHOT ? "shot" : "frame");
    }

    private final class ExemplarCell extends ListCell<ProjectExemplar> {
        private final ImageView thumbnail = new ImageView();
        private final Label name = new Label();
        private final Label pin = new Label();
        private final ComboBox<ExemplarFit> fit = new ComboBox<>();
        private final HBox row;

        ExemplarCell() {
            thumbnail.setFitWidth(88);
            thumbnail.setFitHeight(56);
            thumbnail.setPreserveRatio(true);
            name.getStyleClass().add("exemplar-name");
            pin.getStyleClass().add("muted");
            fit.getItems().setAll(ExemplarFit.values());
            fit.getStyleClass().add("fit-choice");
            fit.setOnAction(e -> {
                ProjectExemplar item = getItem();
                if (item != null && fit.getValue() != null && fit.getValue() != item.fit()) {
                    model.setFit(item, fit.getValue());
                }
            });
            VBox text = new VBox(2, name, pin, fit);
            name.setMinWidth(0);
            pin.setMinWidth(0);
            pin.setWrapText(true);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(8, thumbnail, text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ProjectExemplar item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            thumbnail.setImage(new Image(item.image().toUri().toString(), 176, 112, true, true, true));
            name.setText(item.originalName());
            pin.setText(pinLabel(item, editor.timeline().shotsProperty().get()));
            fit.setValue(item.fit());
            setGraphic(row);
        }
    }
}
