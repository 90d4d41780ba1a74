package dev.nitrate.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.project.Project;
import dev.nitrate.app.project.ProjectStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectTest {

    @TempDir
    Path appData;

    private final ProjectStore store = new ProjectStore();

    @Test
    void theDemoProjectHoldsTheShippedFilmAndExemplar() throws Exception {
        Path projectFile = DemoProject.prepare(appData, store).orElseThrow();

        Project project = store.open(projectFile);
        assertEquals("demo-film.mp4", project.film().getFileName().toString());
        assertEquals(1, project.exemplars().size());
        try (InputStream shipped = DemoProject.class.getResourceAsStream("/demo/demo-film.mp4")) {
            assertArrayEquals(shipped.readAllBytes(), Files.readAllBytes(project.film()));
        }
    }

    @Test
    void aDemoProjectThatNoLongerReadsIsMadeAgain() throws Exception {
        Path projectFile = DemoProject.prepare(appData, store).orElseThrow();
        Files.writeString(projectFile, "{\"format\": \"nitrate-project\", \"version\": 1, \"film\": 42");

        Path again = DemoProject.prepare(appData, store).orElseThrow();

        assertEquals(projectFile, again);
        assertTrue(Files.isRegularFile(store.open(again).film()));
    }
}
