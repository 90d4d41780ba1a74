package dev.nitrate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The last ten films and projects opened, newest first, kept in {@code recent.txt} in the app-data folder. */
final class RecentFiles {

    private static final int LIMIT = 10;

    private final Path appData;
    private final Consumer<String> notices;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    RecentFiles(Path appData, Consumer<String> notices) {
        this.appData = appData;
        this.notices = notices;
        Path list = appData.resolve("recent.txt");
        try {
            if (Files.isRegularFile(list)) {
                files.setAll(Files.readAllLines(list).stream().filter(s -> !s.isBlank()).map(Path::of).limit(LIMIT).toList());
            }
        } catch (IOException | RuntimeException e) {
            notices.accept("Recent files could not be read: " + e.getMessage());
        }
    }

    void add(Path path) {
        files.remove(path);
        files.add(0, path);
        if (files.size() > LIMIT) {
            files.remove(LIMIT, files.size());
        }
        try {
            Files.createDirectories(appData);
            Files.write(appData.resolve("recent.txt"), files.stream().map(Path::toString).toList());
        } catch (IOException e) {
            notices.accept("Recent files could not be saved: " + e.getMessage());
        }
    }

    ObservableList<Path> files() {
        return files;
    }
}
