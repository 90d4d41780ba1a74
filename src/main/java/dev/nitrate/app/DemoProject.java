package dev.nitrate.app;

import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.Project;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectFileException;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.project.ProjectStore;
import dev.nitrate.engine.demo.DemoMedia;
import dev.nitrate.engine.exemplar.ExemplarFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo project: the film and exemplar shipped under {@code /demo/} on the classpath, copied to the app-data
 * folder on first use, with the exemplar pinned to the first shot and the built-in pack. A demo project that no
 * longer reads (left by an older build) is made again; the user's own projects are never touched here.
 */
public final class DemoProject {

    private DemoProject() {}

    /** The demo project file, created if needed; empty when this build ships no demo. */
    public static Optional<Path> prepare(Path appData, ProjectStore store) throws IOException, ProjectFileException {
        Path folder = appData.resolve("demo");
        Path projectFile = folder.resolve("demo.nitrate");
        if (Files.isRegularFile(projectFile) && opens(store, projectFile)) {
            return Optional.of(projectFile);
        }
        if (DemoProject.class.getResource(DemoMedia.FILM_RESOURCE) == null) {
            return Optional.empty();
        }
        DemoMedia.DemoFiles demo = DemoMedia.extractTo(folder);
        List<ProjectExemplar> exemplars = List.of(new ProjectExemplar(demo.exemplar(), ProjectStore.sha256(demo.exemplar()),
                demo.exemplar().getFileName().toString(), 0, PinScope.SHOT, ExemplarFit.CROP));
        store.save(new Project(demo.film(), exemplars, ProjectSettings.DEFAULTS, List.of()), projectFile);
        return Optional.of(projectFile);
    }

    /** A demo project written by an older build may no longer read; it is then made again. */
    private static boolean opens(ProjectStore store, Path projectFile) {
        try {
            store.open(projectFile);
            return true;
        } catch (ProjectFileException e) {
            return false;
        }
    }
}
