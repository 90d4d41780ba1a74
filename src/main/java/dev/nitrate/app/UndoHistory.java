package dev.nitrate.app;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Snapshots of an immutable state for undo and redo. */
public final class UndoHistory<T> {

    private static final int LIMIT = 200;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

    /** Records the state before a change. */
    public void recordBefore(T state) {
        undo.push(state);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** The state to return to, given the current one (which becomes redoable), or {@code null}. */
    public T undo(T current) {
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(current);
        T previous = undo.pop();
        update();
        return previous;
    }

    public T redo(T current) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(current);
        T next = redo.pop();
        update();
        return next;
    }

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
