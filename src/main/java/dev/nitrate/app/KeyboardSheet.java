package dev.nitrate.app;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Every key and mouse shortcut of the editor, as Help > Keyboard Shortcuts shows it and docs/user-guide.md lists it
 * (KeyboardSheetTest holds both to the menus' accelerators and the window's keys).
 */
final class KeyboardSheet {

    /** Where a shortcut acts: the editor window's menus or keys (checked against them), or elsewhere (mouse, dialogs). */
    enum Where { EDITOR, ELSEWHERE }

    /** One row: the keys (as {@link KeyCombination} text for the editor's, else plain words) and what they do. */
    record Shortcut(List<String> keys, String action, Where where) {

        /** The keys as the sheet shows them: "Ctrl+Shift+Z", alternatives separated by " / ". */
        String keysText() {
            return String.join(" / ", keys.stream().map(k -> where == Where.EDITOR ? display(k) : k).toList());
        }

        List<KeyCombination> combinations() {
            return where == Where.EDITOR ? keys.stream().map(KeyCombination::keyCombination).toList() : List.of();
        }
    }

    record Section(String title, List<Shortcut> shortcuts) {}

    static final List<Section> SECTIONS = List.of(
            new Section("Playhead and playback", List.of(
                    editor("one frame back / forward", "Left", "Right"),
                    editor("previous / next shot", "Shift+Left", "Shift+Right"),
                    editor("first / last frame", "Home", "End"),
                    editor("play / pause", "Space"),
                    editor("play backwards (again: faster)", "J"),
                    editor("stop", "K"),
                    editor("play forwards (again: faster, up to 8x)", "L"))),
            new Section("Shots and previews", List.of(
                    editor("split the shot at the playhead", "S"),
                    editor("preview the current shot", "P"),
                    editor("preview 24 frames either side of the playhead", "Shift+P"),
                    editor("cancel the preview", "Esc"),
                    editor("compare two settings on the current shot", "Shortcut+K"))),
            new Section("Exemplars and editing", List.of(
                    editor("remove the selected exemplar", "Delete", "Backspace"),
                    editor("undo (exemplars and shots)", "Shortcut+Z"),
                    editor("redo", "Shortcut+Shift+Z"),
                    elsewhere("go to an exemplar's pinned frame", "Double-click the exemplar"))),
            new Section("Viewer and timeline", List.of(
                    editor("fit the frame to the viewer", "Shortcut+0"),
                    editor("actual size (100%)", "Shortcut+1"),
                    editor("zoom the viewer in / out", "Shortcut+Equals", "Shortcut+Minus"),
                    editor("zoom the timeline in / out", "Shortcut+Shift+Equals", "Shortcut+Shift+Minus"),
                    editor("show or hide the confidence overlay", "Shortcut+Shift+C"),
                    elsewhere("zoom the viewer or the timeline under the mouse", "Ctrl+scroll"),
                    elsewhere("pan the zoomed picture", "Middle-drag, Shift+drag or scroll"),
                    elsewhere("go to a suggested exemplar frame", "Click a green triangle under the figures"),
                    elsewhere("split, merge, delete a cut, preview, export or import a frame, go to a suggestion, pin an exemplar",
                            "Right-click the timeline"),
                    elsewhere("go to, pin, or remove an exemplar", "Right-click an exemplar"))),
            new Section("Files and windows", List.of(
                    editor("open a film", "Shortcut+O"),
                    editor("open a project", "Shortcut+Shift+O"),
                    editor("save the project", "Shortcut+S"),
                    editor("save the project as", "Shortcut+Shift+S"),
                    editor("export (add a render to the queue)", "Shortcut+E"),
                    editor("settings", "Shortcut+Comma"),
                    editor("this keyboard sheet (Help > Keyboard Shortcuts)", "F1"),
                    editor("quit", "Shortcut+Q"),
                    elsewhere("close Settings or Export (Cancel)", "Esc in the dialog"),
                    elsewhere("cancel a running comparison, then close Compare", "Esc in Compare"),
                    elsewhere("fit / 100% / zoom both sides in / out", "Ctrl+0 / Ctrl+1 / Ctrl+= / Ctrl+- in Compare"),
                    elsewhere("close Compare", "Ctrl+W in Compare"))));

    /** The widest an action's description gets before it wraps, so that two columns fit a 1.5x screen. */
    private static final double ACTION_WIDTH = 250;

    private KeyboardSheet() {}

    private static Shortcut editor(String action, String... keys) {
        return new Shortcut(List.of(keys), action, Where.EDITOR);
    }

    private static Shortcut elsewhere(String action, String keys) {
        return new Shortcut(List.of(keys), action, Where.ELSEWHERE);
    }

    /** "Shortcut+Shift+Equals" as "Ctrl+Shift+=": the modifiers as on Linux and Windows, keys by their printed names. */
    static String display(String combination) {
        return combination.replace("Shortcut+", "Ctrl+").replace("Equals", "=").replace("Minus", "-").replace("Comma", ",");
    }

    /** The sheet as Markdown table rows, "| keys | action |", in the order shown. */
    static List<String> markdownRows() {
        return SECTIONS.stream().flatMap(s -> s.shortcuts().stream())
                .map(s -> "| " + s.keysText() + " | " + s.action() + " |").toList();
    }

    static void show(Stage owner) {
        GridPane left = new GridPane();
        GridPane right = new GridPane();
        int[] rows = {0, 0};
        for (int i = 0; i < SECTIONS.size(); i++) {
            GridPane grid = i < 3 ? left : right;
            int column = i < 3 ? 0 : 1;
            Section section = SECTIONS.get(i);
            Label title = new Label(section.title());
            title.getStyleClass().add("panel-title");
            GridPane.setMargin(title, new Insets(rows[column] == 0 ? 0 : 12, 0, 2, 0));
            grid.add(title, 0, rows[column]++, 2, 1);
            for (Shortcut shortcut : section.shortcuts()) {
                Label keys = new Label(shortcut.keysText());
                keys.getStyleClass().add("timecode");
                keys.setMinWidth(Region.USE_PREF_SIZE);
                Label action = new Label(shortcut.action());
                action.setWrapText(true);
                action.setMaxWidth(ACTION_WIDTH);
                action.setMinHeight(Region.USE_PREF_SIZE);
                GridPane.setValignment(keys, javafx.geometry.VPos.TOP);
                GridPane.setValignment(action, javafx.geometry.VPos.TOP);
                grid.add(keys, 0, rows[column]);
                grid.add(action, 1, rows[column]++);
            }
        }
        for (GridPane grid : List.of(left, right)) {
            grid.setHgap(14);
            grid.setVgap(3);
        }
        HBox columns = new HBox(28, left, right);
        columns.setPadding(new Insets(4, 12, 4, 4));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText(null);
        alert.setGraphic(null);
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("keyboard-sheet");
        alert.setResizable(true);
        alert.setOnShown(e -> {
            double room = Screen.getPrimary().getVisualBounds().getHeight() - 160;
            scroll.setPrefViewportHeight(Math.min(Math.ceil(columns.getHeight()) + 2, room));
            alert.getDialogPane().getScene().getWindow().sizeToScene();
            alert.getDialogPane().getScene().getWindow().centerOnScreen();
        });
        alert.show();
    }
}
