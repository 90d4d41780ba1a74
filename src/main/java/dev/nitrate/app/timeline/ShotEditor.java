package dev.nitrate.app.timeline;

import dev.nitrate.app.UndoHistory;
import dev.nitrate.engine.shots.Shots;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The user's changes to the shots on the timeline: split at a frame, merge a shot with the next, delete a cut,
 * each undoable. Once edited, the shots are the project's (saved with it) rather than the detected ones.
 * All methods run on the UI thread.
 */
public final class ShotEditor {

    private final TimelineViewModel timeline;
    private final UndoHistory<Shots> history = new UndoHistory<>();
    private final List<Runnable> editListeners = new ArrayList<>();
    private boolean edited;

    public ShotEditor(TimelineViewModel timeline) {
        this.timeline = timeline;
    }

    /** Starts a new shot at {@code frame}; returns whether the shots changed. */
    public boolean splitAt(int frame) {
        return change(current().withCutAt(frame));
    }

    /** Joins shot {@code shot} with the one after it; returns whether the shots changed. */
    public boolean mergeWithNext(int shot) {
        Shots shots = current();
        return shot >= 0 && shot + 1 < shots.count() && change(shots.withoutCutAt(shots.start(shot + 1)));
    }

    /** Removes the cut before {@code frame}; returns whether there was one. */
    public boolean deleteCutAt(int frame) {
        return change(current().withoutCutAt(frame));
    }

    public void undo() {
        Shots previous = history.undo(current());
        if (previous != null) {
            timeline.shotsProperty().set(previous);
        }
    }

    public void redo() {
        Shots next = history.redo(current());
        if (next != null) {
            timeline.shotsProperty().set(next);
        }
    }

    /**
     * A new film or project: no history. {@code saved} are the project's edited shot starts, or empty for the
     * detected shots; returns them as shots of a film of {@code frameCount} frames, or empty when there are none
     * or they do not fit the film (then the detected shots are used).
     */
    public java.util.Optional<Shots> reset(List<Integer> saved, int frameCount) {
        history.clear();
        edited = false;
        if (saved.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            Shots shots = Shots.of(frameCount, saved);
            edited = true;
            return java.util.Optional.of(shots);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the shots are the user's (to be saved with the project) rather than the detected ones. */
    public boolean edited() {
        return edited;
    }

    /** The shot starts to save with the project: empty while the shots are the detected ones. */
    public List<Integer> startsToSave() {
        return edited ? current().startList() : List.of();
    }

    /** Told after each edit (not after undo or redo). */
    public void onEdit(Runnable listener) {
        editListeners.add(listener);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    private Shots current() {
        return timeline.shotsProperty().get();
    }

    private boolean change(Shots next) {
        Shots before = current();
        if (next.equals(before)) {
            return false;
        }
        history.recordBefore(before);
        edited = true;
        timeline.shotsProperty().set(next);
        editListeners.forEach(Runnable::run);
        return true;
    }
}
