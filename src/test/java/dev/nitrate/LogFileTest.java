package dev.nitrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.testing.Renders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @TempDir
    Path folder;

    @Test
    void aFailedRenderIsLoggedInTheCacheFolderAndNotOnTheConsole() throws Exception {
        Path cache = Files.createDirectories(folder.resolve("cache"));
        Path home = Files.createDirectories(folder.resolve("home"));
        Path exemplar = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        Path film = folder.resolve("no such film.mp4");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Duser.home=" + home, "-Djava.io.tmpdir=" + folder,
                "-cp", System.getProperty("java.class.path"), "dev.nitrate.testing.MeanChromaMain",
                "colorize", film.toString(), "-e", exemplar.toString(), "-o", folder.resolve("out.mp4").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.waitFor(), err);

        Path log = cache.resolve("nitrate").resolve("logs").resolve("nitrate.log.0");
        assertTrue(Files.isRegularFile(log), "no log file; the cache holds " + listing(cache));
        String logged = Files.readString(log);
        assertTrue(logged.contains(" SEVERE dev.nitrate.engine.render.RenderJob: render of " + film + " failed: "), logged);
        assertEquals(1, err.lines().count(), "the console shows the one line the command prints, nothing of the log: " + err);
        assertFalse(err.contains("RenderJob"), err);
    }

    private static List<Path> listing(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.toList();
        }
    }
}
