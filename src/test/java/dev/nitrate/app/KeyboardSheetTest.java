package dev.nitrate.app;

import static dev.nitrate.app.EditorTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.tasks.TaskLanes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The keyboard sheet cannot drift: every menu accelerator and every key the editor window handles is on it, nothing on it
 * is missing from them, and docs/user-guide.md's table lists the same rows; Help > Keyboard Shortcuts shows them all.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardSheetTest {

    @TempDir
    Path work;

    private final TaskLanes tasks = new TaskLanes();
    private EditorViewModel editor;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Services services = EditorTestKit.services(new SlowColorizerFactory(), work.resolve("appdata"), tasks);
        editor = new EditorViewModel(services, Platform::runLater);
        window = new MainWindow(editor, stage);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        EditorTestKit.closeEditor(editor, tasks);
    }

    private static Set<KeyCombination> sheetKeys() {
        Set<KeyCombination> keys = new LinkedHashSet<>();
        KeyboardSheet.SECTIONS.forEach(s -> s.shortcuts().forEach(shortcut -> keys.addAll(shortcut.combinations())));
        return keys;
    }

    private static void accelerators(List<MenuItem> items, List<String> into, Set<KeyCombination> keys) {
        for (MenuItem item : items) {
            if (item.getAccelerator() != null) {
                into.add(item.getText() + " (" + item.getAccelerator().getName() + ")");
                keys.add(item.getAccelerator());
            }
            if (item instanceof Menu menu) {
                accelerators(menu.getItems(), into, keys);
            }
        }
    }

    @Test
    void everyAcceleratorAndEveryWindowKeyIsOnTheSheetAndNothingElse(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<String> named = new ArrayList<>();
        Set<KeyCombination> accelerators = new LinkedHashSet<>();
        fx(() -> {
            bar.getMenus().forEach(menu -> accelerators(menu.getItems(), named, accelerators));
            return null;
        });
        assertTrue(accelerators.size() >= 15, "the menus have their accelerators: " + named);
        Set<KeyCombination> sheet = sheetKeys();
        for (String item : named) {
            KeyCombination keys = accelerators.stream().filter(k -> item.endsWith("(" + k.getName() + ")")).findFirst().orElseThrow();
            assertTrue(sheet.contains(keys), "the menu item " + item + " is on the keyboard sheet");
        }
        Set<KeyCombination> windowKeys = new LinkedHashSet<>();
        window.keys().bindings().forEach(b -> windowKeys.add(b.keys()));
        for (KeyCombination key : windowKeys) {
            assertTrue(sheet.contains(key), "the editor's key " + key.getName() + " is on the keyboard sheet");
        }
        for (KeyCombination key : sheet) {
            assertTrue(accelerators.contains(key) || windowKeys.contains(key),
                    "the sheet's " + key.getName() + " is a menu accelerator or a key the editor window handles");
        }
    }

    @Test
    void theUserGuideListsTheSheetRowForRow() throws Exception {
        List<String> guide = Files.readAllLines(Path.of("docs/user-guide.md"));
        int start = guide.indexOf("## Keyboard shortcuts");
        assertTrue(start >= 0, "docs/user-guide.md has a 'Keyboard shortcuts' section");
        List<String> rows = new ArrayList<>();
        for (String line : guide.subList(start + 1, guide.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| ") && !line.startsWith("| Keys ")) {
                rows.add(line);
            }
        }
        assertEquals(KeyboardSheet.markdownRows(), rows, "the guide's table is the sheet (KeyboardSheet.markdownRows())");
    }

    @Test
    void helpShowsEveryRowOfTheSheet(FxRobot robot) throws Exception {
        fx(() -> {
            window.shortcuts();
            return null;
        });
        EditorTestKit.waitUntil(() -> robot.lookup("#keyboard-sheet").tryQuery().isPresent(), 10);
        Set<String> shown = new LinkedHashSet<>();
        fx(() -> {
            robot.lookup("#keyboard-sheet .label").queryAllAs(javafx.scene.control.Label.class).forEach(l -> shown.add(l.getText()));
            return null;
        });
        for (KeyboardSheet.Section section : KeyboardSheet.SECTIONS) {
            assertTrue(shown.contains(section.title()), section.title());
            for (KeyboardSheet.Shortcut shortcut : section.shortcuts()) {
                assertTrue(shown.contains(shortcut.keysText()) && shown.contains(shortcut.action()), shortcut + " is shown");
            }
        }
    }
}
