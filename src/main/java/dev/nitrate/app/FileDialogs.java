package dev.nitrate.app;

import dev.nitrate.engine.video.FilmInfo;
import java.io.File;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The file menu's dialogs: what to open, where to save, and what to do with unsaved work before opening another. */
final class FileDialogs {

    static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private final EditorViewModel editor;
    private final Stage stage;

    FileDialogs(EditorViewModel editor, Stage stage) {
        this.editor = editor;
        this.stage = stage;
    }

    void chooseFilm() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open film");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Films", "*.mp4", "*.mov", "*.mkv", "*.avi", "*.webm", "*.mxf", "*.m4v"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            editor.openFilm(file.toPath());
        }
    }

    void chooseSequence() {
        File dir = new DirectoryChooser().showDialog(stage);
        if (dir != null) {
            editor.openFilm(dir.toPath());
        }
    }

    void chooseProject() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open project");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Nitrate projects", "*.nitrate"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            editor.openProject(file.toPath());
        }
    }

    boolean save() {
        if (editor.projectFileProperty().get() != null) {
            return editor.saveProject(editor.projectFileProperty().get());
        }
        return saveAs();
    }

    boolean saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save project");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Nitrate projects", "*.nitrate"));
        FilmInfo film = editor.filmProperty().get();
        if (film != null && film.source().getParent() != null) {
            chooser.setInitialDirectory(film.source().getParent().toFile());
            chooser.setInitialFileName(film.source().getFileName().toString().replaceAll("\\.[^.]+$", "") + ".nitrate");
        }
        File file = chooser.showSaveDialog(stage);
        return file != null && editor.saveProject(file.toPath());
    }

    /** Asks before unsaved work is left: save it first, drop it, or stay. True when opening may go ahead. */
    boolean mayDropOrSave(String film) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Nitrate");
        alert.setHeaderText("The project for " + film + " is not saved");
        alert.setContentText("Save it before opening another? Without saving, its exemplars and renders are dropped.");
        alert.getDialogPane().setId("unsaved-dialog");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == DONT_SAVE || answer == SAVE && saveAs();
    }
}
