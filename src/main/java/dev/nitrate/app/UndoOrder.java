package dev.nitrate.app;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One undo and redo over several editors that each keep their own history (exemplars, shots): remembers which
 * editor made each edit, so that Edit > Undo always takes back the latest edit, whichever editor made it.
 */
public final class UndoOrder {

    /** How to undo and redo an editor's latest edit in its own history. */
    public record Undoable(Runnable undo, Runnable redo) {}

    private final Deque<Undoable> undo = new ArrayDeque<>();
    private final Deque<Undoable> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

    /** Records that {@code editor} has just made an edit. */
    public void edited(Undoable editor) {
        undo.push(editor);
        redo.clear();
        update();
    }

    public void undo() {
        Undoable editor = undo.poll();
        if (editor != null) {
            editor.undo().run();
            redo.push(editor);
            update();
        }
    }

    public void redo() {
        Undoable editor = redo.poll();
        if (editor != null) {
            editor.redo().run();
            undo.push(editor);
            update();
        }
    }

    /** Another film or project: nothing to undo. */
    public void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
