package dev.nitrate.app.exemplars;

import dev.nitrate.app.UndoHistory;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.engine.exemplar.ExemplarFit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The exemplars pinned to the film, kept in frame order, with undo and redo of every change. */
public final class ExemplarsViewModel {

    private final ObservableList<ProjectExemplar> exemplars = FXCollections.observableArrayList();
    private final UndoHistory<List<ProjectExemplar>> history = new UndoHistory<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final List<Runnable> editListeners = new ArrayList<>();

    /** Validates a picture and pins it; the error names the file when it is not a readable picture. */
    public ProjectExemplar add(Path image, int frame, PinScope scope, ExemplarFit fit) throws FilmException {
        Pictures.read(image);
        String hash;
        try {
            hash = ProjectStore.sha256(image);
        } catch (IOException e) {
            throw new FilmException(image + ": cannot read the picture (" + e.getMessage() + ")", e);
        }
        ProjectExemplar exemplar = new ProjectExemplar(image.toAbsolutePath(), hash, image.getFileName().toString(),
                frame, scope, fit);
        List<ProjectExemplar> next = new ArrayList<>(exemplars);
        next.add(exemplar);
        change(next);
        return exemplar;
    }

    public void remove(ProjectExemplar exemplar) {
        List<ProjectExemplar> next = new ArrayList<>(exemplars);
        if (next.remove(exemplar)) {
            change(next);
        }
    }

    public void pin(ProjectExemplar exemplar, int frame, PinScope scope) {
        replace(exemplar, exemplar.withPin(frame, scope));
    }

    /** Pins the exemplar's picture once more, at {@code frame}; its other pins stay. Returns the new pin, or the existing same one. */
    public ProjectExemplar addPin(ProjectExemplar exemplar, int frame, PinScope scope) {
        ProjectExemplar pin = exemplar.withPin(frame, scope);
        if (!exemplars.contains(pin)) {
            List<ProjectExemplar> next = new ArrayList<>(exemplars);
            next.add(pin);
            change(next);
        }
        return pin;
    }

    /**
     * Makes {@code exemplar}'s picture the one pinned to the shot of frames {@code [first, end)}: one shot pin at
     * {@code first} replaces every pin inside the shot, as one undoable edit. Returns the shot pin.
     */
    public ProjectExemplar useForShot(ProjectExemplar exemplar, int first, int end) {
        ProjectExemplar pin = exemplar.withPin(first, PinScope.SHOT);
        List<ProjectExemplar> next = new ArrayList<>(exemplars);
        next.removeIf(e -> e.frame() >= first && e.frame() < end);
        next.add(pin);
        if (!sorted(next).equals(List.copyOf(exemplars))) {
            change(next);
        }
        return pin;
    }

    public void setFit(ProjectExemplar exemplar, ExemplarFit fit) {
        if (exemplar.fit() != fit) {
            replace(exemplar, exemplar.withFit(fit));
        }
    }

    public void undo() {
        List<ProjectExemplar> previous = history.undo(List.copyOf(exemplars));
        if (previous != null) {
            apply(previous);
        }
    }

    public void redo() {
        List<ProjectExemplar> next = history.redo(List.copyOf(exemplars));
        if (next != null) {
            apply(next);
        }
    }

    /** Replaces everything without an undo step (opening a project). */
    public void load(List<ProjectExemplar> loaded) {
        history.clear();
        exemplars.setAll(sorted(loaded));
        fire();
    }

    public List<ProjectExemplar> snapshot() {
        return List.copyOf(exemplars);
    }

    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Told after each edit (not after undo, redo or load). */
    public void onEdit(Runnable listener) {
        editListeners.add(listener);
    }

    private void replace(ProjectExemplar old, ProjectExemplar updated) {
        List<ProjectExemplar> next = new ArrayList<>(exemplars);
        int i = next.indexOf(old);
        if (i >= 0) {
            next.set(i, updated);
            change(next);
        }
    }

    private void change(List<ProjectExemplar> next) {
        history.recordBefore(List.copyOf(exemplars));
        apply(next);
        editListeners.forEach(Runnable::run);
    }

    private void apply(List<ProjectExemplar> next) {
        exemplars.setAll(sorted(next));
        fire();
    }

    private void fire() {
        changeListeners.forEach(Runnable::run);
    }

    private static List<ProjectExemplar> sorted(List<ProjectExemplar> list) {
        List<ProjectExemplar> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(ProjectExemplar::frame));
        return copy;
    }

    public ObservableList<ProjectExemplar> exemplars() {
        return exemplars;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }
}
