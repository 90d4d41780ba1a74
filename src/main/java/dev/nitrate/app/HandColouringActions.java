package dev.nitrate.app;

import dev.nitrate.app.exemplars.HandColouring;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.video.FilmInfo;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * "Export Frame for Colouring" and "Import Coloured Frame" (File menu and the timeline's right-click menu): the
 * frame at the playhead goes out as a gray picture and a coloured still comes back pinned to it. Writing and
 * reading run on a background lane; an existing file is replaced only after the user chose Replace.
 */
final class HandColouringActions {

    static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);

    /** Where pictures go and come from: file choosers on a desktop, fixed paths in tests. */
    interface PictureChooser {
        Optional<Path> exportTarget(Path suggested);

        Optional<Path> colouredPicture(Path folder);
    }

    private final EditorViewModel editor;
    private final Stage stage;
    private final HandColouring colouring;
    private PictureChooser chooser;

    HandColouringActions(EditorViewModel editor, Stage stage) {
        this.editor = editor;
        this.stage = stage;
        this.colouring = new HandColouring(editor.services().films());
        this.chooser = new FileChoosers(stage);
    }

    void useChooser(PictureChooser chooser) {
        this.chooser = chooser;
    }

    void exportFrame() {
        FilmInfo film = editor.filmProperty().get();
        if (film == null) {
            editor.report("Open a film before exporting a frame for colouring.");
            return;
        }
        int frame = editor.timeline().currentFrameProperty().get();
        chooser.exportTarget(HandColouring.suggestedFile(film.source(), frame)).ifPresent(target -> write(film.source(), frame, target, false));
    }

    private void write(Path film, int frame, Path target, boolean replace) {
        editor.services().tasks().lane("hand-colouring").submit(token -> {
            HandColouring.Export outcome = colouring.exportFrame(film, frame, target, replace);
            Platform.runLater(() -> {
                if (outcome instanceof HandColouring.Written written) {
                    editor.noticeProperty().set("Frame " + frame + " written for colouring to " + written.file().getFileName()
                            + " (" + written.bits() + "-bit " + HandColouring.formatOf(target) + ")");
                } else if (outcome instanceof HandColouring.Exists exists) {
                    if (confirmReplace(exists.file())) {
                        write(film, frame, target, true);
                    }
                } else if (outcome instanceof HandColouring.Failed failed) {
                    editor.report(failed.message());
                }
            });
        });
    }

    private boolean confirmReplace(Path file) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", REPLACE, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Nitrate");
        alert.setHeaderText(file.getFileName() + " exists");
        alert.setContentText("Replace " + file + " with the gray frame? Its content is lost.");
        alert.getDialogPane().setId("replace-dialog");
        return alert.showAndWait().orElse(ButtonType.CANCEL) == REPLACE;
    }

    void importFrame() {
        FilmInfo film = editor.filmProperty().get();
        if (film == null) {
            editor.report("Open a film before importing a coloured frame.");
            return;
        }
        int frame = editor.timeline().currentFrameProperty().get();
        chooser.colouredPicture(film.source().toAbsolutePath().getParent()).ifPresent(picture ->
                editor.services().tasks().lane("hand-colouring").submit(token -> {
                    HandColouring.LumaComparison luma;
                    try {
                        luma = colouring.compare(picture, film.source(), frame);
                    } catch (FilmException e) {
                        Platform.runLater(() -> editor.report(e.getMessage()));
                        return;
                    }
                    Platform.runLater(() -> pin(picture, frame, luma));
                }));
    }

    private void pin(Path picture, int frame, HandColouring.LumaComparison luma) {
        try {
            editor.exemplars().add(picture, frame, PinScope.FRAME, ExemplarFit.CROP);
        } catch (FilmException e) {
            editor.report(e.getMessage());
            return;
        }
        editor.noticeProperty().set(picture.getFileName() + " pinned to frame " + frame);
        luma.warning(picture, frame).ifPresent(editor::report);
    }

    private record FileChoosers(Stage stage) implements PictureChooser {

        @Override
        public Optional<Path> exportTarget(Path suggested) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export frame for colouring");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"),
                    new FileChooser.ExtensionFilter("TIFF (16-bit)", "*.tif", "*.tiff"));
            chooser.setInitialDirectory(suggested.getParent().toFile());
            chooser.setInitialFileName(suggested.getFileName().toString());
            return Optional.ofNullable(chooser.showSaveDialog(stage)).map(File::toPath);
        }

        @Override
        public Optional<Path> colouredPicture(Path folder) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import coloured frame");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.bmp"));
            if (folder != null) {
                chooser.setInitialDirectory(folder.toFile());
            }
            return Optional.ofNullable(chooser.showOpenDialog(stage)).map(File::toPath);
        }
    }
}
