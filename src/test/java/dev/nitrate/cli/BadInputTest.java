package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nitrate.engine.video.MediaProbe;
import dev.nitrate.engine.video.OutputFrame;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.engine.video.VideoEncodeSettings;
import dev.nitrate.engine.video.VideoSegmentWriter;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: one line naming the file and the problem, a non-zero exit, no stack trace, earlier outputs untouched. */
class BadInputTest {

    private static final byte[] EARLIER_OUTPUT = "an earlier render".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private Path film;
    private Path exemplar;
    private Path output;

    @BeforeEach
    void setUp() throws Exception {
        film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 40, new Rational(25, 1));
        exemplar = Renders.solidExemplar(folder.resolve("exemplar.png"), 200, 100, 50);
        output = folder.resolve("out.mp4");
        Files.write(output, EARLIER_OUTPUT);
    }

    private void assertOneLineFailure(CliRunner.Result result, String fileName, String problem) throws IOException {
        assertNotEquals(0, result.exitCode(), result.toString());
        String err = errorLines(result.err());
        assertTrue(err.contains(fileName), "names " + fileName + ": " + err);
        assertTrue(err.contains(problem), "says '" + problem + "': " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        if (Files.exists(output)) {
            assertArrayEquals(EARLIER_OUTPUT, Files.readAllBytes(output), "earlier output untouched");
        }
    }

    /** The error output without progress-bar redraws and the line naming device and pack; asserts that it is exactly one line. */
    private static String errorLines(String err) {
        List<String> lines = Arrays.stream(err.split("[\r\n]+")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("shots ") && !line.startsWith("colorize ")
                        && !line.startsWith("nitrate: device ")).toList();
        assertEquals(1, lines.size(), "one line: " + lines);
        return lines.get(0);
    }

    private CliRunner.Result colorize(Path source, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("colorize", source.toString(), "--exemplar", exemplar.toString(), "-o", output.toString()));
        args.addAll(Arrays.asList(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void missingFile() throws Exception {
        Path missing = folder.resolve("nowhere.mp4");
        assertOneLineFailure(CliRunner.run("info", missing.toString()), "nowhere.mp4", "no such file");
        assertOneLineFailure(colorize(missing), "nowhere.mp4", "no such file");
    }

    @Test
    void zeroByteFile() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.mp4"));
        assertOneLineFailure(colorize(empty), "empty.mp4", "empty");
    }

    @Test
    void textFileNamedMp4() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.mp4"), "this is not a video\n".repeat(50));
        assertOneLineFailure(colorize(text), "notes.mp4", "not a video");
    }

    @Test
    void mp4CutInHalfWithItsIndexAtTheEnd() throws Exception {
        byte[] whole = Files.readAllBytes(film);
        Path half = Files.write(folder.resolve("half.mp4"), Arrays.copyOf(whole, whole.length / 2));
        assertOneLineFailure(colorize(half), "half.mp4", "FFmpeg can read");
    }

    @Test
    void mp4CutInHalfWithItsIndexAtTheStart() throws Exception {
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/media/cup.mp4"));
        Path half = Files.write(folder.resolve("cup-half.mp4"), Arrays.copyOf(whole, whole.length / 2));
        assertOneLineFailure(colorize(half), "cup-half.mp4", "truncated");
    }

    @Test
    void audioOnlyFile() throws Exception {
        Path wav = TestMedia.writeSineWav(folder.resolve("tone.wav"), 1.0, 48000);
        assertOneLineFailure(colorize(wav), "tone.wav", "audio only");
    }

    @Test
    void videoWithNoFrames() throws Exception {
        Path noFrames = folder.resolve("no-frames.mp4");
        try (VideoSegmentWriter writer = VideoSegmentWriter.create(noFrames, "mp4",
                new VideoEncodeSettings(VideoCodec.H264, 18, false, "veryfast", 64, 48, new Rational(25, 1)))) {
            writer.finish();
        }
        CliRunner.Result result = colorize(noFrames);
        assertOneLineFailure(result, "no-frames.mp4", "");
        assertTrue(result.err().contains("no frames") || result.err().contains("no video stream"), result.err());
    }

    @Test
    void undecodableCodec() throws Exception {
        Path avi = TestMedia.writeVideo(folder.resolve("clip.avi"), "avi", VideoCodec.H264, 64, 48, 5, new Rational(25, 1),
                i -> TestMedia.numberedGrayFrame(i, 64, 48));
        byte[] bytes = Files.readAllBytes(avi);
        replaceAll(bytes, "H264", "QQQQ");
        replaceAll(bytes, "h264", "QQQQ");
        Path unknown = Files.write(folder.resolve("unknown-codec.avi"), bytes);
        assertOneLineFailure(colorize(unknown), "unknown-codec.avi", "cannot decode");
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] pattern = from.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, i, pattern.length);
        }
    }

    @Test
    void oneByOneVideo() throws Exception {
        Path tiny = MediaProbe.writeRawVideo(folder.resolve("tiny.nut"), 1, 1, 3);
        assertOneLineFailure(colorize(tiny), "tiny.nut", "too small");
    }

    @Test
    void exemplarThatIsNotAnImage() throws Exception {
        Path notAnImage = Files.writeString(folder.resolve("colours.png"), "not a picture");
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "--exemplar", notAnImage.toString(), "-o", output.toString());
        assertOneLineFailure(result, "colours.png", "not an image");
    }

    @Test
    void exemplarFrameBeyondTheEnd() throws Exception {
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "--exemplar", exemplar + "@500", "-o", output.toString());
        assertOneLineFailure(result, "exemplar.png", "beyond the end");
    }

    @Test
    void frameRangeOutOfBounds() throws Exception {
        assertOneLineFailure(colorize(film, "--frames", "30-100"), "film.mp4", "outside the film");
    }

    @Test
    void outputFolderThatDoesNotExist() throws Exception {
        Path missingFolder = folder.resolve("no-such-folder");
        CliRunner.Result result = CliRunner.run("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", missingFolder.resolve("out.mp4").toString());
        assertOneLineFailure(result, "no-such-folder", "does not exist");
    }

    @Test
    void unwritableOutputFolder() throws Exception {
        Path readOnly = Files.createDirectories(folder.resolve("read-only"));
        assumeTrue(mount("tmpfs", "-o", "ro,size=1m", readOnly), "needs root to mount a read-only tmpfs");
        try {
            CliRunner.Result result = CliRunner.run("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", readOnly.resolve("out.mp4").toString());
            assertOneLineFailure(result, "read-only", "cannot write");
        } finally {
            unmount(readOnly);
        }
    }

    @Test
    void fullDisk() throws Exception {
        Path small = Files.createDirectories(folder.resolve("small-disk"));
        assumeTrue(mount("tmpfs", "-o", "size=200k", small), "needs root to mount a small tmpfs");
        try {
            Path bigFilm = TestMedia.numberedFilm(folder.resolve("big.mp4"), 320, 240, 40, new Rational(25, 1));
            Path earlier = Files.write(small.resolve("out.mp4"), EARLIER_OUTPUT);
            CliRunner.Result result = CliRunner.run("colorize", bigFilm.toString(), "--exemplar", exemplar.toString(), "-o", earlier.toString(),
                    "--luma-lock", "--segment-frames", "40");
            assertNotEquals(0, result.exitCode());
            String err = errorLines(result.err());
            assertTrue(err.contains("small-disk") && err.toLowerCase().contains("no space left"), err);
            assertArrayEquals(EARLIER_OUTPUT, Files.readAllBytes(earlier));
        } finally {
            unmount(small);
        }
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRunner.Result result = CliRunner.run("colorize", folder.resolve("nowhere.mp4").toString(), "--exemplar", exemplar.toString(),
                "-o", output.toString(), "--verbose");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.err().contains("MediaException") && result.err().contains("\tat "), result.err());
    }

    private static boolean mount(String type, String optionFlag, String options, Path where) {
        try {
            Process process = new ProcessBuilder("mount", "-t", type, optionFlag, options, type, where.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unmount(Path where) throws Exception {
        new ProcessBuilder("umount", where.toString()).start().waitFor();
    }
}
