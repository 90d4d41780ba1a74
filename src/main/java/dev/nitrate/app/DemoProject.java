package dev.nitrate.app;

import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.project.PinScope;
import dev.nitrate.engine.project.Project;
import dev.nitrate.engine.project.ProjectExemplar;
import dev.nitrate.engine.project.ProjectFileException;
import dev.nitrate.engine.project.ProjectSettings;
import dev.nitrate.engine.project.ProjectStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo project: the film and exemplar shipped under {@code /demo/} on the classpath, copied to the app-data
 * folder on first use, with the exemplar pinned to the first shot and the built-in pack.
 */
public final class DemoProject {

    private static final List<String> FILM_EXTENSIONS = List.of(".mp4", ".mov", ".mkv", ".avi", ".webm");
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private DemoProject() {}

    /** The demo project file, created if needed; empty when this build ships no demo. */
    public static Optional<Path> prepare(Path appData, ProjectStore store) throws IOException, ProjectFileException {
        Path folder = appData.resolve("demo");
        Path projectFile = folder.resolve("demo.nitrate");
        if (Files.isRegularFile(projectFile)) {
            return Optional.of(projectFile);
        }
        URL url = DemoProject.class.getResource("/demo");
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return build(jar.provider().getPath(uri), folder, projectFile, store);
            }
            return build(Path.of(uri), folder, projectFile, store);
        } catch (URISyntaxException e) {
            throw new IOException("demo resources have a bad location: " + url, e);
        }
    }

    private static Optional<Path> build(Path resources, Path folder, Path projectFile, ProjectStore store)
            throws IOException, ProjectFileException {
        Optional<Path> film = first(resources, FILM_EXTENSIONS);
        Optional<Path> exemplar = first(resources, IMAGE_EXTENSIONS);
        if (film.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        Path filmCopy = folder.resolve(film.get().getFileName().toString());
        Files.copy(film.get(), filmCopy, StandardCopyOption.REPLACE_EXISTING);
        List<ProjectExemplar> exemplars = List.of();
        if (exemplar.isPresent()) {
            Path imageCopy = folder.resolve(exemplar.get().getFileName().toString());
            Files.copy(exemplar.get(), imageCopy, StandardCopyOption.REPLACE_EXISTING);
            exemplars = List.of(new ProjectExemplar(imageCopy, ProjectStore.sha256(imageCopy),
                    imageCopy.getFileName().toString(), 0, PinScope.SHOT, ExemplarFit.CROP));
        }
        store.save(new Project(filmCopy, exemplars, ProjectSettings.DEFAULTS, List.of()), projectFile);
        return Optional.of(projectFile);
    }

    private static Optional<Path> first(Path folder, List<String> extensions) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> extensions.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted().findFirst();
        }
    }
}
