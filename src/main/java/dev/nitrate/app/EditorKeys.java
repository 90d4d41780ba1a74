package dev.nitrate.app;

import dev.nitrate.app.exemplars.ExemplarsView;
import dev.nitrate.app.timeline.TimelineViewModel;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The editor window's single keys (those without Ctrl, which the menus' accelerators handle): transport, shuttle,
 * split, preview, remove and cancel. They act wherever the focus is, except in a text field.
 */
final class EditorKeys {

    /** One key and what it does; the action says whether it did anything (else the key goes on to the focused control). */
    record Binding(KeyCombination keys, BooleanSupplier action) {}

    private final List<Binding> bindings;

    EditorKeys(EditorViewModel editor, ExemplarsView exemplars) {
        TimelineViewModel time = editor.timeline();
        bindings = List.of(
                bind("Left", () -> {
                    time.stop();
                    time.step(-1);
                }),
                bind("Right", () -> {
                    time.stop();
                    time.step(1);
                }),
                bind("Shift+Left", time::previousShot),
                bind("Shift+Right", time::nextShot),
                bind("Home", time::home),
                bind("End", time::end),
                bind("Space", time::togglePlay),
                bind("J", time::shuttleBackward),
                bind("K", time::stop),
                bind("L", time::shuttleForward),
                bind("S", () -> editor.shotEditor().splitAt(time.currentFrameProperty().get())),
                bind("P", editor::previewCurrentShot),
                bind("Shift+P", editor::previewAroundPlayhead),
                new Binding(KeyCombination.keyCombination("Delete"), exemplars::removeSelected),
                new Binding(KeyCombination.keyCombination("Backspace"), exemplars::removeSelected),
                new Binding(KeyCombination.keyCombination("Esc"), () -> {
                    boolean running = editor.preview().runningProperty().get();
                    editor.preview().cancel();
                    return running;
                }));
    }

    private static Binding bind(String keys, Runnable action) {
        return new Binding(KeyCombination.keyCombination(keys), () -> {
            action.run();
            return true;
        });
    }

    List<Binding> bindings() {
        return bindings;
    }

    void handle(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl || event.isShortcutDown()) {
            return;
        }
        for (Binding binding : bindings) {
            if (binding.keys().match(event)) {
                if (binding.action().getAsBoolean()) {
                    event.consume();
                }
                return;
            }
        }
    }
}
