package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.video.MediaProbe;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real render process with SIGKILL at random moments, resumes it with the same command, and
 * checks that the finished video (or folder of PNG frames) equals an uninterrupted render byte for byte,
 * and decodes to exactly its frames.
 */
class ResumeAfterKillTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"resumed.mp4", "resumed-frames"})
    void aRenderKilledTwiceResumesToTheSameBytes(String outputName) throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 160, 96, 240, new Rational(24000, 1001));
        Path exemplar = Renders.solidExemplar(folder.resolve("exemplar.png"), 60, 140, 210);
        Path reference = folder.resolve("reference-" + outputName);
        Path resumed = folder.resolve(outputName);
        Process uninterrupted = cli(film, exemplar, reference, 0).start();
        assertEquals(0, uninterrupted.waitFor(), new String(uninterrupted.getErrorStream().readAllBytes()));

        Random random = new Random(System.nanoTime());
        Path checkpoint = folder.resolve("." + outputName + ".nitrate-work").resolve("checkpoint.bin");
        List<String> kills = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            Process process = cli(film, exemplar, resumed, 12).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long before = Files.exists(checkpoint) ? Files.getLastModifiedTime(checkpoint).toMillis() : -1;
            while (System.nanoTime() < deadline && process.isAlive()
                    && (!Files.exists(checkpoint) || Files.getLastModifiedTime(checkpoint).toMillis() == before)) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(400));
            assertTrue(process.isAlive(), "the render must still be running when it is killed");
            process.destroyForcibly();
            process.waitFor();
            kills.add("killed with exit " + process.exitValue());
            assertFalse(Files.exists(resumed), "no file under the final name after a kill");
        }
        Process finish = cli(film, exemplar, resumed, 0).start();
        String stderr = new String(finish.getErrorStream().readAllBytes());
        assertEquals(0, finish.waitFor(), stderr);
        assertTrue(stderr.contains("resuming " + outputName + " at frame"), stderr);
        System.out.println("resume test: " + kills + "; " + stderr.lines().filter(l -> l.contains("resuming")).toList());

        List<byte[]> expected = MediaProbe.decodeAll(reference);
        List<byte[]> actual = MediaProbe.decodeAll(resumed);
        assertEquals(240, expected.size());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "frame " + i);
        }
        assertSameBytes(reference, resumed);
    }

    /** Two files, or two folders of files, are equal byte for byte (the same names, the same contents). */
    static void assertSameBytes(Path expected, Path actual) throws Exception {
        if (!Files.isDirectory(expected)) {
            assertEquals(-1, Files.mismatch(expected, actual), actual + " differs from " + expected + " at that byte");
            return;
        }
        List<String> expectedNames;
        List<String> actualNames;
        try (Stream<Path> files = Files.list(expected)) {
            expectedNames = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> files = Files.list(actual)) {
            actualNames = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertEquals(expectedNames, actualNames);
        for (String name : expectedNames) {
            assertEquals(-1, Files.mismatch(expected.resolve(name), actual.resolve(name)), name + " differs at that byte");
        }
    }

    @Test
    void sigtermCancelsTheRenderAndSaysHowToResume() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 200, new Rational(25, 1));
        Path exemplar = Renders.solidExemplar(folder.resolve("exemplar.png"), 60, 140, 210);
        Path output = folder.resolve("cancelled.mp4");
        Path errors = folder.resolve("stderr.txt");
        Process process = cli(film, exemplar, output, 40).redirectError(errors.toFile()).start();
        Path work = folder.resolve(".cancelled.mp4.nitrate-work").resolve("segments");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !(Files.isDirectory(work) && Files.list(work).findAny().isPresent())) {
            Thread.sleep(20);
        }
        process.destroy();
        process.waitFor();
        String stderr = Files.readString(errors);
        assertTrue(stderr.contains("cancelled after") && stderr.contains("run the same command again to resume"), stderr);
        assertFalse(Files.exists(output));
    }

    private static ProcessBuilder cli(Path film, Path exemplar, Path output, int frameDelayMillis) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dnitrate.test.frameDelayMs=" + frameDelayMillis,
                "dev.nitrate.testing.MeanChromaMain", "colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", output.toString(),
                "--segment-frames", "20", "--preset", "veryfast"));
        if (!output.getFileName().toString().endsWith(".mp4")) {
            command.addAll(List.of("--format", "png"));
        }
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
}
