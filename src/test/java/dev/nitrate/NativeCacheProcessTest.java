package dev.nitrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code nitrate colorize} processes with a private home, cache and temporary folder: ONNX Runtime's
 * libraries are loaded from the cache folder, and a run killed with SIGKILL leaves nothing of ONNX Runtime's in
 * the temporary folder (by default ONNX Runtime unpacks 28 MB there on every start and removes it only at exit).
 */
class NativeCacheProcessTest {

    @TempDir
    Path folder;

    @Test
    void nativesLiveInTheCacheFolderAndAKilledRunLeavesNothingInTheTemporaryFolder() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc to see which libraries a process loaded");
        Path home = Files.createDirectories(folder.resolve("home"));
        Path cache = home.resolve("xdg-cache");
        Path tmp = Files.createDirectories(folder.resolve("tmp"));
        Path exemplar = Renders.solidExemplar(folder.resolve("exemplar.png"), 60, 140, 210);

        Path shortFilm = TestMedia.numberedFilm(folder.resolve("short.mp4"), 64, 48, 6, new Rational(25, 1));
        Process complete = colorize(home, cache, tmp, shortFilm, exemplar, folder.resolve("short-out.mp4")).start();
        String stderr = new String(complete.getErrorStream().readAllBytes());
        assertEquals(0, complete.waitFor(), stderr);
        Path natives = onlyChild(cache.resolve("nitrate").resolve("natives"));
        assertTrue(natives.getFileName().toString().startsWith("onnxruntime-"), natives.toString());
        assertTrue(Files.size(natives.resolve("libonnxruntime.so")) > 1_000_000, "ONNX Runtime unpacked into " + natives);
        assertTrue(Files.isRegularFile(natives.resolve("libonnxruntime4j_jni.so")));
        assertTrue(Files.isDirectory(cache.resolve("nitrate").resolve("javacpp")), "JavaCPP's cache lives under the same folder");
        assertFalse(Files.exists(home.resolve(".javacpp")), "no ~/.javacpp");
        assertEquals(List.of(), ortFolders(tmp));

        Path longFilm = TestMedia.numberedFilm(folder.resolve("long.mp4"), 160, 96, 900, new Rational(25, 1));
        Process killed = colorize(home, cache, tmp, longFilm, exemplar, folder.resolve("long-out.mp4"))
                .redirectError(folder.resolve("killed.log").toFile()).start();
        String loaded = waitForMappedLibrary(killed, "libonnxruntime.so");
        // ONNX Runtime's loader makes an onnxruntime-java* folder while it starts (empty here; Nitrate removes it once
        // ONNX Runtime has started): the kill comes after that, in the middle of the render
        long settled = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < settled && killed.isAlive() && !ortFolders(tmp).isEmpty()) {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        assertTrue(killed.isAlive(), () -> "the render must still be running when it is killed: " + readLog());
        assertTrue(loaded.contains(natives.toString()), "ONNX Runtime was loaded from the cache folder: " + loaded);
        killed.destroyForcibly();
        killed.waitFor();
        assertEquals(137, killed.exitValue(), "killed with SIGKILL");
        assertEquals(List.of(), ortFolders(tmp), "nothing of ONNX Runtime's left in the temporary folder after a kill");
    }

    private String readLog() {
        try {
            return Files.readString(folder.resolve("killed.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private ProcessBuilder colorize(Path home, Path cache, Path tmp, Path film, Path exemplar, Path output) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.nitrate.Main",
                "colorize", film.toString(), "-e", exemplar.toString(), "-o", output.toString(), "--preset", "veryfast")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        return builder;
    }

    /** The line of /proc/PID/maps that maps the library, once the process has loaded it. */
    private static String waitForMappedLibrary(Process process, String library) throws IOException, InterruptedException {
        Path maps = Path.of("/proc", Long.toString(process.pid()), "maps");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                for (String line : Files.readAllLines(maps)) {
                    if (line.endsWith("/" + library)) {
                        return line;
                    }
                }
            } catch (IOException e) {
                // the process is starting or has just ended
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the process never loaded " + library + " (alive: " + process.isAlive() + ")");
    }

    private static List<Path> ortFolders(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("onnxruntime-java")).toList();
        }
    }

    private static Path onlyChild(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            List<Path> children = entries.toList();
            assertEquals(1, children.size(), parent + " holds " + children);
            return children.get(0);
        }
    }
}
