package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaProbe;
import dev.nitrate.engine.video.RgbPixels;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input: one line naming the file and the problem, exit code 1, no stack trace and no internal
 * path, and every file in the folder (inputs and the earlier output, which each run may replace with --overwrite)
 * unchanged, by SHA-256 and listing.
 */
class BadInputTest {

    private static final byte[] EARLIER_OUTPUT = "an earlier render".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private Path film;
    private Path exemplar;
    private Path output;
    private Map<String, String> before;

    @BeforeEach
    void setUp() throws Exception {
        film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 40, new Rational(25, 1));
        exemplar = Renders.solidExemplar(folder.resolve("exemplar.png"), 200, 100, 50);
        output = folder.resolve("out.mp4");
        Files.write(output, EARLIER_OUTPUT);
    }

    private void assertOneLineFailure(CliRunner.Result result, String fileName, String problem) throws IOException {
        assertEquals(1, result.exitCode(), result.toString());
        String err = errorLines(result.err());
        assertTrue(err.contains(fileName), "names " + fileName + ": " + err);
        assertTrue(err.contains(problem), "says '" + problem + "': " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertFalse(err.contains(".part") || err.contains("nitrate-work") || err.contains("seg-"), "no internal path: " + err);
        if (Files.exists(output)) {
            assertArrayEquals(EARLIER_OUTPUT, Files.readAllBytes(output), "earlier output untouched");
        }
        assertInputsUnchanged();
    }

    /** Every file in the folder as it was before the run; only the render's own work folder may have appeared (it keeps what was done). */
    private void assertInputsUnchanged() throws IOException {
        assertNotNull(before, "the run went through cli() or colorize()");
        Map<String, String> after = new TreeMap<>(SourceSafetyTest.snapshot(folder));
        after.keySet().removeIf(path -> path.contains(".nitrate-work"));
        Map<String, String> expected = new TreeMap<>(before);
        expected.keySet().removeIf(path -> path.contains(".nitrate-work"));
        assertEquals(expected, after, "inputs unchanged");
    }

    /** Runs the command line with the test colorizer, after listing and checksumming the folder. */
    private CliRunner.Result cli(String... args) throws IOException {
        before = SourceSafetyTest.snapshot(folder);
        return CliRunner.run(args);
    }

    /** Runs the command line with the real engine (packs are loaded), after listing and checksumming the folder. */
    private CliRunner.Result cliWithEngine(String... args) throws IOException {
        before = SourceSafetyTest.snapshot(folder);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new NitrateCli(ColorizerProvider.engine()).run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    /** The error output without progress-bar redraws, warnings and the line naming device and pack; asserts that it is exactly one line. */
    private static String errorLines(String err) {
        List<String> lines = Arrays.stream(err.split("[\r\n]+")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("shots ") && !line.startsWith("colorize ")
                        && !line.startsWith("nitrate: device ") && !line.startsWith("nitrate: warning: ")).toList();
        assertEquals(1, lines.size(), "one line: " + lines);
        return lines.get(0);
    }

    /** Colorizes into the earlier output with --overwrite: a failure must leave that output as it was. */
    private CliRunner.Result colorize(Path source, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("colorize", source.toString(), "--exemplar", exemplar.toString(), "-o", output.toString(),
                "--overwrite"));
        args.addAll(Arrays.asList(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void missingFile() throws Exception {
        Path missing = folder.resolve("nowhere.mp4");
        assertOneLineFailure(cli("info", missing.toString()), "nowhere.mp4", "no such file");
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
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", notAnImage.toString(), "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "colours.png", "not an image");
    }

    @Test
    void exemplarFrameBeyondTheEnd() throws Exception {
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar + "@500", "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "exemplar.png", "beyond the end");
    }

    @Test
    void frameRangeOutOfBounds() throws Exception {
        assertOneLineFailure(colorize(film, "--frames", "30-100"), "film.mp4", "outside the film");
    }

    @Test
    void outputFolderThatDoesNotExist() throws Exception {
        Path missingFolder = folder.resolve("no-such-folder");
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", missingFolder.resolve("out.mp4").toString());
        assertOneLineFailure(result, "no-such-folder", "does not exist");
    }

    @Test
    void unwritableOutputFolder() throws Exception {
        Path readOnly = Files.createDirectories(folder.resolve("read-only"));
        assumeTrue(mount("tmpfs", "-o", "ro,size=1m", readOnly), "needs root to mount a read-only tmpfs");
        try {
            CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", readOnly.resolve("out.mp4").toString());
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
            CliRunner.Result result = cli("colorize", bigFilm.toString(), "--exemplar", exemplar.toString(), "-o", earlier.toString(),
                    "--luma-lock", "--segment-frames", "40", "--overwrite");
            assertEquals(1, result.exitCode());
            String err = errorLines(result.err());
            assertTrue(err.contains("small-disk") && err.toLowerCase().contains("no space left"), err);
            assertFalse(err.contains(".part") || err.contains("nitrate-work"), "no internal path: " + err);
            assertArrayEquals(EARLIER_OUTPUT, Files.readAllBytes(earlier));
            assertInputsUnchanged();
        } finally {
            unmount(small);
        }
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRunner.Result result = CliRunner.run("colorize", folder.resolve("nowhere.mp4").toString(), "--exemplar", exemplar.toString(),
                "-o", output.toString(), "--overwrite", "--verbose");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.err().contains("MediaException") && result.err().contains("\tat "), result.err());
    }

    // ----- bad options: refused before any work -----

    @Test
    void crfOutOfRange() throws Exception {
        assertOneLineFailure(colorize(film, "--crf", "60"), "--crf 60", "must be 0-51");
    }

    @Test
    void crfThatIsNotANumber() throws Exception {
        assertOneLineFailure(colorize(film, "--crf", "high"), "--crf", "'high' is not an int");
    }

    @Test
    void frameRangeBackwards() throws Exception {
        assertOneLineFailure(colorize(film, "--frames", "5-2"), "5-2", "not a frame range");
    }

    @Test
    void frameRangeThatIsNotNumbers() throws Exception {
        assertOneLineFailure(colorize(film, "--frames", "start-end"), "start-end", "not a frame range");
    }

    @Test
    void unknownFit() throws Exception {
        assertOneLineFailure(colorize(film, "--fit", "squash"), "squash", "not a fit");
    }

    @Test
    void unknownFormat() throws Exception {
        assertOneLineFailure(colorize(film, "--format", "gif"), "gif", "not an output format");
    }

    @Test
    void unknownPreset() throws Exception {
        assertOneLineFailure(colorize(film, "--preset", "fastest"), "fastest", "not an x264/x265 preset");
    }

    @Test
    void unknownDevice() throws Exception {
        assertOneLineFailure(colorize(film, "--device", "tpu"), "tpu", "not a device");
    }

    @Test
    void unknownOption() throws Exception {
        assertOneLineFailure(colorize(film, "--colour"), "--colour", "Unknown option");
    }

    @Test
    void noExemplarGiven() throws Exception {
        assertOneLineFailure(cli("colorize", film.toString(), "-o", output.toString(), "--overwrite"), "--exemplar", "Missing required option");
    }

    @Test
    void noSegmentFrames() throws Exception {
        assertOneLineFailure(colorize(film, "--segment-frames", "0"), "segment length", ">= 1");
    }

    @Test
    void existingOutputWithoutOverwrite() throws Exception {
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", output.toString());
        assertOneLineFailure(result, "out.mp4", "exists; choose another name or pass --overwrite");
    }

    @Test
    void videoOutputThatIsAnExistingFolder() throws Exception {
        Path clip = Files.createDirectories(folder.resolve("clip.mp4"));
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", clip.toString(), "--overwrite");
        assertOneLineFailure(result, "clip.mp4", "is a folder; a video output is a file");
    }

    @Test
    void videoFormatWithoutAVideoName() throws Exception {
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", folder.resolve("colour").toString(),
                "--format", "h264");
        assertOneLineFailure(result, "colour", "needs a .mp4, .mov or .mkv name");
    }

    @Test
    void frameOutputThatIsAnExistingFile() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "the archivist's notes");
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", notes.toString(), "--format", "png",
                "--overwrite");
        assertOneLineFailure(result, "notes.txt", "is a file; an image sequence is written into a folder");
    }

    // ----- exemplars -----

    @Test
    void exemplarFrameSyntaxThatIsNotANumber() throws Exception {
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar + "@first", "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "exemplar.png@first", "no such file");
    }

    @Test
    void missingExemplar() throws Exception {
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", folder.resolve("nowhere.png").toString(), "-o", output.toString(),
                "--overwrite");
        assertOneLineFailure(result, "nowhere.png", "no such file");
    }

    @Test
    void exemplarThatIsAFolder() throws Exception {
        Path stills = Files.createDirectories(folder.resolve("stills"));
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", stills.toString(), "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "stills", "is a folder");
    }

    @Test
    void zeroByteExemplar() throws Exception {
        Path empty = Files.createFile(folder.resolve("blank.png"));
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", empty.toString(), "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "blank.png", "empty");
    }

    @Test
    void truncatedExemplar() throws Exception {
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/media/chelsea.png"));
        Path cut = Files.write(folder.resolve("cut.png"), Arrays.copyOf(whole, 200));
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", cut.toString(), "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "cut.png", "not an image");
    }

    @Test
    void exemplarOfOnePixel() throws Exception {
        Path dot = folder.resolve("dot.png");
        ImageFileWriter.write(new RgbPixels.Rgb8(1, 1, new byte[] {10, 20, 30}), ImageFormat.PNG, dot);
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", dot.toString(), "-o", output.toString(), "--overwrite");
        assertOneLineFailure(result, "dot.png", "too small to be an exemplar");
    }

    @Test
    void everyExemplarPinnedOutsideTheRenderedFrames() throws Exception {
        CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar + "@30", "-o", output.toString(), "--overwrite",
                "--frames", "0-9");
        assertOneLineFailure(result, "film.mp4", "no exemplar is pinned inside the rendered frames 0-9");
    }

    // ----- films -----

    @Test
    void oddFrameSizeForH264() throws Exception {
        Path odd = MediaProbe.writeRawVideo(folder.resolve("reel 321x241.nut"), 321, 241, 3);
        CliRunner.Result result = colorize(odd);
        assertOneLineFailure(result, "reel 321x241.nut", "is 321x241");
        assertTrue(result.err().contains("--format ffv1 (in .mkv), png or tiff"), result.err());
    }

    @Test
    void imageFolderWithMixedFrameSizes() throws Exception {
        Path scans = TestMedia.imageSequence(folder.resolve("scans"), ImageFormat.PNG, 3, i -> TestMedia.numberedGrayFrame(i, 64, 48));
        ImageFileWriter.write(TestMedia.numberedGrayFrame(3, 80, 60), ImageFormat.PNG, scans.resolve("frame_00003.png"));
        assertOneLineFailure(colorize(scans), "frame_00003.png", "image is 80x60 but the sequence's first image is 64x48");
    }

    @Test
    void imageFolderWithoutImages() throws Exception {
        Path notes = Files.createDirectories(folder.resolve("paperwork"));
        Files.writeString(notes.resolve("list.txt"), "reel list");
        assertOneLineFailure(colorize(notes), "paperwork", "holds no PNG");
    }

    @Test
    void patternThatMatchesNothing() throws Exception {
        Files.createDirectories(folder.resolve("scans"));
        assertOneLineFailure(colorize(folder.resolve("scans/frame_%05d.png")), "frame_%05d.png", "no file matches");
    }

    @Test
    void patternWithoutANumber() throws Exception {
        Files.createDirectories(folder.resolve("scans"));
        assertOneLineFailure(colorize(folder.resolve("scans/frame_%s.png")), "frame_%s.png", "not a printf pattern");
    }

    @Test
    void corruptFrameInAnImageFolder() throws Exception {
        Path scans = TestMedia.imageSequence(folder.resolve("scans"), ImageFormat.PNG, 4, i -> TestMedia.numberedGrayFrame(i, 64, 48));
        Files.writeString(scans.resolve("frame_00002.png"), "water damage");
        assertOneLineFailure(colorize(scans), "frame_00002.png", "no image can be decoded");
    }

    @Test
    void tinyImageAsAFilm() throws Exception {
        Path still = folder.resolve("still.png");
        ImageFileWriter.write(TestMedia.numberedGrayFrame(0, 8, 8), ImageFormat.PNG, still);
        assertOneLineFailure(colorize(still), "still.png", "too small");
    }

    @Test
    void unicodeFileName() throws Exception {
        Path text = Files.writeString(folder.resolve("Фильм – 映画 é.mp4"), "not a film at all\n".repeat(40));
        assertOneLineFailure(colorize(text), "Фильм – 映画 é.mp4", "not a video");
    }

    @Test
    void fileNameWithSpaces() throws Exception {
        Path empty = Files.createFile(folder.resolve("reel 3 of 12.mp4"));
        assertOneLineFailure(colorize(empty), "reel 3 of 12.mp4", "empty");
    }

    // ----- packs (the real engine loads them) -----

    @Test
    void packWithoutManifest() throws Exception {
        Path pack = toyPack();
        Files.delete(pack.resolve("pack.json"));
        assertOneLineFailure(colorizeWithPack(pack), "pack.json", "missing");
    }

    @Test
    void packWithCorruptManifest() throws Exception {
        Path pack = toyPack();
        Files.writeString(pack.resolve("pack.json"), "{\"format\": \"nitrate-pack\", \"graphs\": {");
        assertOneLineFailure(colorizeWithPack(pack), "pack.json", "not valid JSON");
    }

    @Test
    void packWithAMissingGraph() throws Exception {
        Path pack = toyPack();
        Path graph = firstGraph(pack);
        Files.delete(graph);
        assertOneLineFailure(colorizeWithPack(pack), graph.getFileName().toString(), "missing (graph");
    }

    @Test
    void packGraphThatIsNotOnnx() throws Exception {
        Path pack = toyPack();
        Path graph = firstGraph(pack);
        Files.writeString(graph, "this is not an ONNX graph");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        manifest.get("graphs").forEach(node -> {
            if (node.get("file").asText().equals(graph.getFileName().toString())) {
                ((ObjectNode) node).put("sha256", sha256Hex(graph));
            }
        });
        json.writeValue(pack.resolve("pack.json").toFile(), manifest);
        assertOneLineFailure(colorizeWithPack(pack), graph.getFileName().toString(), "not a readable ONNX model");
    }

    @Test
    void packGraphWithTheWrongChecksum() throws Exception {
        Path pack = toyPack();
        Path graph = firstGraph(pack);
        Files.write(graph, Arrays.copyOf(Files.readAllBytes(graph), (int) Files.size(graph) - 1));
        assertOneLineFailure(colorizeWithPack(pack), graph.getFileName().toString(), "SHA-256 mismatch");
    }

    @Test
    void packThatIsAFile() throws Exception {
        Path file = Files.writeString(folder.resolve("pack.zip"), "zipped pack");
        assertOneLineFailure(colorizeWithPack(file), "pack.zip", "is a file, not a pack folder");
    }

    @Test
    void packFolderThatDoesNotExist() throws Exception {
        assertOneLineFailure(colorizeWithPack(folder.resolve("packs/colormnet")), "colormnet", "pack folder does not exist");
    }

    @Test
    void readOnlyFolderForFrames() throws Exception {
        Path readOnly = Files.createDirectories(folder.resolve("read-only-frames"));
        assumeTrue(mount("tmpfs", "-o", "ro,size=1m", readOnly), "needs root to mount a read-only tmpfs");
        try {
            CliRunner.Result result = cli("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", readOnly.resolve("colour").toString());
            assertOneLineFailure(result, "read-only-frames", "cannot write");
        } finally {
            unmount(readOnly);
        }
    }

    @Test
    void hugeExemplarOnASmallHeap() throws Exception {
        Path huge = HugePng.write(folder.resolve("huge scan.png"), 12000, 12000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path colour = folder.resolve("colour-frames");
        before = SourceSafetyTest.snapshot(folder);
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "dev.nitrate.testing.MeanChromaMain",
                "colorize", film.toString(), "--exemplar", huge.toString(), "-o", colour.toString(), "--frames", "0-3")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), err);
        assertFalse(err.contains("OutOfMemoryError") || err.contains("\tat "), err);
        try (var frames = Files.list(colour)) {
            assertEquals(4, frames.filter(f -> f.toString().endsWith(".png")).count());
        }
        Map<String, String> after = new TreeMap<>(SourceSafetyTest.snapshot(folder));
        after.keySet().removeIf(path -> path.startsWith("colour-frames"));
        assertEquals(before, after, "inputs unchanged");
    }

    private CliRunner.Result colorizeWithPack(Path pack) throws IOException {
        return cliWithEngine("colorize", film.toString(), "--exemplar", exemplar.toString(), "-o", output.toString(), "--overwrite",
                "--pack", pack.toString());
    }

    private Path toyPack() throws Exception {
        Path source = Path.of(BadInputTest.class.getResource("/packs/toy/pack.json").toURI()).getParent();
        Path pack = Files.createDirectories(folder.resolve("toy pack"));
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, pack.resolve(file.getFileName()));
            }
        }
        return pack;
    }

    private static Path firstGraph(Path pack) throws IOException {
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(pack.resolve("pack.json").toFile());
        return pack.resolve(manifest.get("graphs").elements().next().get("file").asText());
    }

    private static String sha256Hex(Path file) {
        try {
            return SourceSafetyTest.sha256(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
