package dev.nitrate.app;

import dev.nitrate.app.project.Autosaver;
import dev.nitrate.app.project.Project;
import dev.nitrate.app.project.ProjectFileException;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.app.tasks.Lane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The project the user is working on: its file (none until it is saved), whether it has unsaved changes, and
 * where its autosave goes. A saved project autosaves into its own file, an untitled one into a recovery file.
 * Leaving a project for another writes its last changes into its own file, if it has one, and from then on
 * nothing is written for it again. All methods run on the UI thread.
 */
final class ProjectSession {

    private static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(3);

    private final ProjectStore store;
    private final Path recoveryFile;
    private final Consumer<String> notices;
    private final Autosaver autosaver;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private Autosaver.Draft lastDraft;

    ProjectSession(ProjectStore store, Path appData, Lane autosaveLane, Executor ui, Consumer<String> notices) {
        this.store = store;
        this.recoveryFile = appData.resolve("recovery").resolve("untitled" + ProjectStore.EXTENSION);
        this.notices = notices;
        this.autosaver = new Autosaver(store, autosaveLane, AUTOSAVE_DELAY, outcome -> ui.execute(() -> autosaved(outcome)));
    }

    /** Leaves the current project (its last changes go into its own file, if it has one) and starts the next one. */
    void begin(Path projectFile) {
        if (file.get() != null) {
            autosaver.saveNow();
        }
        autosaver.discard();
        lastDraft = null;
        file.set(projectFile == null ? null : projectFile.toAbsolutePath().normalize());
        dirty.set(false);
    }

    /** Writes the pending changes of a saved project into its file now. */
    void flush() {
        if (file.get() != null) {
            autosaver.saveNow();
        }
    }

    /** True when leaving would lose work: an untitled project with exemplars or renders. */
    boolean hasUnsavedWork(Project current) {
        return file.get() == null && dirty.get() && (!current.exemplars().isEmpty() || !current.renders().isEmpty());
    }

    /** The user changed the project. */
    void edited(Project current) {
        dirty.set(true);
        autosave(current);
    }

    /** The render queue moved on: kept in the project, but not an edit by the user. */
    void renderQueueChanged(Project current) {
        autosave(current);
    }

    /** Saves the project into a file, which becomes the project's file; the autosave for the old target is dropped. */
    Project save(Project current, Path target) throws ProjectFileException {
        autosaver.discard();
        try {
            Project saved = store.save(current, target);
            lastDraft = null;
            file.set(target.toAbsolutePath().normalize());
            dirty.set(false);
            return saved;
        } catch (ProjectFileException e) {
            if (lastDraft != null) {
                autosaver.changed(lastDraft);
            }
            throw e;
        }
    }

    /** Writes what is pending at once (on exit). */
    void close() {
        autosaver.saveNow();
    }

    private void autosave(Project current) {
        lastDraft = new Autosaver.Draft(current, file.get() != null ? file.get() : recoveryFile);
        autosaver.changed(lastDraft);
    }

    private void autosaved(Autosaver.Outcome outcome) {
        if (outcome instanceof Autosaver.Saved saved) {
            notices.accept("Autosaved to " + saved.draft().file().getFileName());
            if (saved.draft() == lastDraft && saved.draft().file().equals(file.get())) {
                dirty.set(false);
            }
        } else if (outcome instanceof Autosaver.Failed failed) {
            notices.accept("Autosave failed: " + failed.error().getMessage());
        }
    }

    Path recoveryFile() {
        return recoveryFile;
    }

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}
