package dev.nitrate.app;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The editor window's menu bar; File > Open Recent follows the editor's recent files. */
final class EditorMenus {

    private final MainWindow window;
    private final EditorViewModel editor;
    private final FileDialogs files;
    private final Menu recentMenu = new Menu("Open Recent");

    EditorMenus(MainWindow window, EditorViewModel editor, FileDialogs files) {
        this.window = window;
        this.editor = editor;
        this.files = files;
        recentMenu.setId("menu-recent");
        editor.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
    }

    MenuBar bar() {
        MenuItem openFilm = item("Open Film…", "Shortcut+O", files::chooseFilm);
        MenuItem openSequence = item("Open Image Sequence…", null, files::chooseSequence);
        MenuItem openProject = item("Open Project…", "Shortcut+Shift+O", files::chooseProject);
        MenuItem save = item("Save Project", "Shortcut+S", files::save);
        MenuItem saveAs = item("Save Project As…", "Shortcut+Shift+S", files::saveAs);
        MenuItem export = item("Export…", "Shortcut+E", window::export);
        MenuItem exportFrame = item("Export Frame for Colouring…", null, window.handColouring()::exportFrame);
        MenuItem importFrame = item("Import Coloured Frame…", null, window.handColouring()::importFrame);
        MenuItem quit = item("Quit", "Shortcut+Q", window.stage()::close);
        Menu file = new Menu("File", null, openFilm, openSequence, openProject, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), exportFrame, importFrame, new SeparatorMenuItem(), quit);
        MenuItem undo = item("Undo", "Shortcut+Z", editor::undo);
        undo.disableProperty().bind(editor.undoOrder().canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", editor::redo);
        redo.disableProperty().bind(editor.undoOrder().canRedoProperty().not());
        MenuItem split = item("Split Shot at Playhead", "S", () -> editor.shotEditor().splitAt(editor.timeline().currentFrameProperty().get()));
        MenuItem merge = item("Merge Shot with Next", null, () -> editor.shotEditor().mergeWithNext(editor.timeline().currentShot()));
        MenuItem settings = item("Settings…", "Shortcut+Comma", window::settings);
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), split, merge, new SeparatorMenuItem(), settings);
        Menu view = new Menu("View", null, item("Fit Frame", "Shortcut+0", window.viewer()::fit),
                item("Actual Size (100%)", "Shortcut+1", window.viewer()::actualSize),
                item("Zoom In", "Shortcut+Equals", () -> window.viewer().zoomBy(1.25)),
                item("Zoom Out", "Shortcut+Minus", () -> window.viewer().zoomBy(0.8)),
                new SeparatorMenuItem(),
                item("Timeline Zoom In", "Shortcut+Shift+Equals", () -> editor.timeline().zoomBy(1.5)),
                item("Timeline Zoom Out", "Shortcut+Shift+Minus", () -> editor.timeline().zoomBy(1 / 1.5)),
                item("Timeline Fit", null, () -> editor.timeline().zoomToFit(window.timeline().getWidth())),
                new SeparatorMenuItem(), confidenceOverlay());
        Menu preview = new Menu("Preview", null, item("Preview Current Shot", "P", editor::previewCurrentShot),
                item("Preview Around Playhead", "Shift+P", editor::previewAroundPlayhead),
                item("Cancel Preview", "Esc", editor.preview()::cancel),
                new SeparatorMenuItem(), item("Compare…", "Shortcut+K", window::compare));
        Menu help = new Menu("Help", null, item("Keyboard Shortcuts", "F1", window::shortcuts));
        MenuBar bar = new MenuBar(file, edit, view, preview, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Hatches the preview's low-confidence pixels in magenta (when the model pack gives a confidence). */
    private CheckMenuItem confidenceOverlay() {
        CheckMenuItem overlay = new CheckMenuItem("Confidence Overlay");
        overlay.setId("menu-confidence-overlay");
        overlay.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        overlay.selectedProperty().bindBidirectional(editor.confidenceOverlayProperty());
        return overlay;
    }

    private MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null && (accelerator.contains("+") || accelerator.length() > 1)) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void rebuildRecent() {
        recentMenu.getItems().setAll(editor.recentFiles().stream().map(path -> {
            MenuItem item = new MenuItem(path.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> editor.open(path));
            return item;
        }).toList());
        recentMenu.setDisable(editor.recentFiles().isEmpty());
    }
}
