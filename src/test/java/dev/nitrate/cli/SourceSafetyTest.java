package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way an output could harm the user's material, run through the real command line in a child
 * process. Before and after each run the whole folder tree is listed (path, type, SHA-256 of every
 * file); nothing outside the new output may change, and each refusal is one line with exit code 1.
 */
class SourceSafetyTest {

    @TempDir
    Path root;

    private Path material;
    private Path film;
    private Path exemplar;
    private Path scans;
    private Path pack;

    @BeforeEach
    void setUp() throws Exception {
        material = Files.createDirectories(root.resolve("material"));
        film = TestMedia.numberedFilm(material.resolve("film.mp4"), 64, 48, 6, new Rational(25, 1));
        exemplar = Renders.solidExemplar(material.resolve("exemplar.png"), 200, 100, 50);
        Files.writeString(material.resolve("notes.txt"), "catalogue notes: reel 3, scanned once\n");
        scans = TestMedia.imageSequence(material.resolve("scans"), ImageFormat.PNG, 4, i -> TestMedia.numberedGrayFrame(i, 64, 48));
        pack = Files.createDirectories(material.resolve("pack"));
        Files.writeString(pack.resolve("pack.json"), "{\"name\": \"archive pack\"}\n");
        Files.writeString(pack.resolve("encoder.onnx"), "graph bytes");
    }

    // ----- refusals -----

    @Test
    void outputDotInTheFilmsFolder() throws Exception {
        assertRefused(material, "holds the film", "colorize", "film.mp4", "-e", "exemplar.png", "-o", ".");
    }

    @Test
    void outputIsTheFolderHoldingFilmExemplarAndNotes() throws Exception {
        assertRefused(root, "holds the film", "colorize", film.toString(), "-e", exemplar.toString(), "-o", material.toString());
        assertRefused(root, "holds the film", "colorize", film.toString(), "-e", exemplar.toString(), "-o", material.toString(), "--overwrite");
    }

    @Test
    void outputIsTheImageSequenceFolder() throws Exception {
        assertRefused(material, "would replace the image-sequence folder", "colorize", "scans", "-e", "exemplar.png", "-o", "scans", "--overwrite");
    }

    @Test
    void outputIsOneFrameOfTheSequence() throws Exception {
        assertRefused(material, "would replace a frame of the film", "colorize", "scans", "-e", "exemplar.png", "-o", "scans/frame_00002.png",
                "--overwrite");
        assertRefused(material, "would replace a frame of the film", "colorize", "scans/frame_%05d.png", "-e", "exemplar.png",
                "-o", "scans/frame_00001.png", "--overwrite");
    }

    @Test
    void outputInsideTheImageSequenceFolder() throws Exception {
        assertRefused(material, "lies inside the image-sequence folder", "colorize", "scans", "-e", "exemplar.png", "-o", "scans/colour.mp4");
    }

    @Test
    void videoOutputIsTheFilmItself() throws Exception {
        assertRefused(material, "would replace the film", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "film.mp4");
        assertRefused(material, "would replace the film", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "film.mp4", "--overwrite");
        assertRefused(material, "would replace the film", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "./scans/../film.mp4", "--overwrite");
    }

    @Test
    void outputIsTheExemplar() throws Exception {
        assertRefused(material, "would replace the exemplar", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "exemplar.png", "--overwrite");
    }

    @Test
    void outputInsideThePackFolder() throws Exception {
        assertRefused(material, "lies inside the model pack", "colorize", "film.mp4", "-e", "exemplar.png", "--pack", "pack", "-o", "pack/colour.mp4");
        assertRefused(material, "would replace the model pack", "colorize", "film.mp4", "-e", "exemplar.png", "--pack", "pack", "-o", "pack",
                "--overwrite");
    }

    @Test
    void outputThroughASymbolicLinkToTheFilm() throws Exception {
        Files.createSymbolicLink(material.resolve("link.mp4"), Path.of("film.mp4"));
        assertRefused(material, "would replace the film", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "link.mp4", "--overwrite");
        Files.createSymbolicLink(root.resolve("shortcut"), material);
        assertRefused(root, "would replace the film", "colorize", film.toString(), "-e", exemplar.toString(), "-o", "shortcut/film.mp4", "--overwrite");
    }

    @Test
    void outputIsAHardLinkOfTheFilm() throws Exception {
        Files.createLink(material.resolve("same-film.mp4"), film);
        assertRefused(material, "would replace the film", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "same-film.mp4", "--overwrite");
    }

    @Test
    void outputIsDevFull() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full, LinkOption.NOFOLLOW_LINKS), "this system has /dev/full");
        Object deviceBefore = Files.getAttribute(full, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        assertRefused(material, "is a character device", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "/dev/full", "--overwrite");
        assertTrue(isCharacterDevice(full), "/dev/full is still a character device");
        assertEquals(deviceBefore, Files.getAttribute(full, "unix:rdev", LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(Path.of("/dev/.full.nitrate-work"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void outputIsADeviceNodeInTheTree() throws Exception {
        Path node = material.resolve("full-node");
        assumeTrue(run(material, "mknod", node.toString(), "c", "1", "7").exitCode == 0, "needs root to make a device node");
        assertRefused(material, "is a character device", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "full-node", "--overwrite");
        assertTrue(isCharacterDevice(node));
    }

    @Test
    void outputIsAFifo() throws Exception {
        assumeTrue(run(material, "mkfifo", material.resolve("pipe.mp4").toString()).exitCode == 0, "needs mkfifo");
        assertRefused(material, "is a FIFO", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "pipe.mp4");
        assertRefused(material, "is a FIFO", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "pipe.mp4", "--overwrite");
    }

    @Test
    void existingFileWithoutOverwrite() throws Exception {
        Files.writeString(material.resolve("earlier.mp4"), "an earlier render the user kept");
        Files.createDirectories(material.resolve("earlier-frames"));
        Files.writeString(material.resolve("earlier-frames/frame_000000.png"), "kept");
        CliRun refused = assertRefused(material, "exists", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "earlier.mp4");
        assertEquals("nitrate: earlier.mp4 exists; choose another name or pass --overwrite", refused.errorLine());
        assertRefused(material, "earlier-frames exists; choose another name or pass --overwrite", "colorize", "film.mp4", "-e", "exemplar.png",
                "-o", "earlier-frames");
    }

    @Test
    void existingForeignFolderWithOverwrite() throws Exception {
        Path folder = Files.createDirectories(material.resolve("colour"));
        Files.writeString(folder.resolve("frame_000000.png"), "looks like a frame but the user wrote it");
        Files.writeString(folder.resolve("letter.txt"), "a letter from the donor");
        assertRefused(material, "which Nitrate did not write", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "colour", "--overwrite");
        Files.writeString(folder.resolve(".nitrate-output"), "nitrate-output/1\nframe_000000.png\n");
        assertRefused(material, "letter.txt, which Nitrate did not write", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "colour",
                "--overwrite");
    }

    @Test
    void videoOutputThatIsAFolder() throws Exception {
        Files.createDirectories(material.resolve("clip.mp4"));
        Files.writeString(material.resolve("clip.mp4/inside.txt"), "kept");
        assertRefused(material, "is a folder; a video output is a file", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "clip.mp4",
                "--overwrite");
    }

    @Test
    void foreignWorkFolderBesideTheOutput() throws Exception {
        Path work = Files.createDirectories(material.resolve(".new.mp4.nitrate-work"));
        Files.writeString(work.resolve("job.txt"), "the user's own job list");
        Files.writeString(material.resolve(".fresh.mp4.nitrate-work"), "a file, not a folder");
        assertRefused(material, "was not made by Nitrate", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "new.mp4");
        assertRefused(material, "was not made by Nitrate", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "fresh.mp4", "--overwrite");
    }

    @Test
    void outputThatIsASymbolicLinkElsewhere() throws Exception {
        Path elsewhere = Files.writeString(root.resolve("elsewhere.mp4"), "a file the link points to");
        Files.createSymbolicLink(material.resolve("pointer.mp4"), elsewhere);
        assertRefused(material, "is a symbolic link", "colorize", "film.mp4", "-e", "exemplar.png", "-o", "pointer.mp4", "--overwrite");
    }

    // ----- what works -----

    @Test
    void aFreshOutputIsWrittenAndNothingElseChanges() throws Exception {
        Map<String, String> before = snapshot(root);
        CliRun run = cli(material, "colorize", "film.mp4", "-e", "exemplar.png", "-o", "fresh.mp4");
        assertEquals(0, run.exitCode, run.stderr);
        assertUnchangedExcept(before, snapshot(root), "material/fresh.mp4");
        assertTrue(Files.size(material.resolve("fresh.mp4")) > 0);
        CliRun frames = cli(material, "colorize", "scans", "-e", "exemplar.png", "-o", "fresh-frames");
        assertEquals(0, frames.exitCode, frames.stderr);
        assertUnchangedExcept(before, snapshot(root), "material/fresh.mp4", "material/fresh-frames");
    }

    @Test
    void overwriteReplacesAnExistingRegularFile() throws Exception {
        Path earlier = Files.writeString(material.resolve("earlier.mp4"), "an earlier render");
        Map<String, String> before = snapshot(root);
        CliRun run = cli(material, "colorize", "film.mp4", "-e", "exemplar.png", "-o", "earlier.mp4", "--overwrite");
        assertEquals(0, run.exitCode, run.stderr);
        Map<String, String> after = snapshot(root);
        assertNotEquals(before.get("material/earlier.mp4"), after.get("material/earlier.mp4"), "replaced");
        assertTrue(Files.size(earlier) > 1000);
        assertUnchangedExcept(before, after, "material/earlier.mp4");
    }

    @Test
    void overwriteReplacesAFolderNitrateWroteEarlier() throws Exception {
        CliRun first = cli(material, "colorize", "film.mp4", "-e", "exemplar.png", "-o", "colour", "--frames", "0-4");
        assertEquals(0, first.exitCode, first.stderr);
        assertEquals(6, listNames(material.resolve("colour")).size(), listNames(material.resolve("colour")).toString());
        Map<String, String> before = snapshot(root);
        CliRun again = cli(material, "colorize", "film.mp4", "-e", "exemplar.png", "-o", "colour", "--frames", "1-2", "--overwrite");
        assertEquals(0, again.exitCode, again.stderr);
        assertEquals(List.of(".nitrate-output", "frame_000001.png", "frame_000002.png"), listNames(material.resolve("colour")));
        assertUnchangedExcept(before, snapshot(root), "material/colour");
    }

    // ----- helpers -----

    /** Runs the command expecting a refusal; asserts one line naming the problem, exit code 1, and an unchanged tree. */
    private CliRun assertRefused(Path workingFolder, String problem, String... args) throws Exception {
        Map<String, String> before = snapshot(root);
        CliRun run = cli(workingFolder, args);
        assertEquals(1, run.exitCode, "exit code 1: " + run.stderr);
        String line = run.errorLine();
        assertTrue(line.startsWith("nitrate: ") && line.contains(problem), "says '" + problem + "': " + line);
        assertFalse(line.contains("Exception") || line.contains(".part") || line.contains("\tat "), "no trace, no internal path: " + line);
        assertEquals(before, snapshot(root), "nothing changed by " + String.join(" ", args));
        return run;
    }

    private static void assertUnchangedExcept(Map<String, String> before, Map<String, String> after, String... outputs) {
        Map<String, String> left = new TreeMap<>(before);
        Map<String, String> right = new TreeMap<>(after);
        for (String output : outputs) {
            String record = output + ".nitrate.json";
            left.keySet().removeIf(path -> path.equals(output) || path.startsWith(output + "/") || path.equals(record));
            right.keySet().removeIf(path -> path.equals(output) || path.startsWith(output + "/") || path.equals(record));
            assertTrue(after.containsKey(output), output + " written");
            assertTrue(after.containsKey(record), record + " (its provenance record) written");
        }
        assertEquals(left, right, "nothing outside " + Arrays.toString(outputs) + " and their records changed, and no work folder is left");
    }

    /** Every path under the folder (links not followed): its type, and for a file its size and SHA-256. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String description;
                if (attributes.isSymbolicLink()) {
                    description = "link -> " + Files.readSymbolicLink(path);
                } else if (attributes.isDirectory()) {
                    description = "folder";
                } else if (attributes.isRegularFile()) {
                    description = "file " + attributes.size() + " " + sha256(path);
                } else {
                    description = "special mode " + Integer.toOctalString((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS));
                }
                entries.put(relative, description);
            }
        }
        return entries;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isCharacterDevice(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000;
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A finished child process: exit code and stderr. */
    record CliRun(int exitCode, String stderr) {
        /** The one line of stderr that is not a progress bar or the device line; fails unless there is exactly one. */
        String errorLine() {
            List<String> lines = Arrays.stream(stderr.split("[\r\n]+")).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("shots ") && !l.startsWith("colorize ") && !l.startsWith("nitrate: device ")).toList();
            assertEquals(1, lines.size(), "one line: " + lines);
            return lines.get(0);
        }
    }

    /** Runs nitrate in a child JVM in the given working folder, with the deterministic test colorizer. */
    static CliRun cli(Path workingFolder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "dev.nitrate.testing.MeanChromaMain"));
        command.addAll(Arrays.asList(args));
        return run(workingFolder, command.toArray(String[]::new));
    }

    private static CliRun run(Path workingFolder, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process process = builder.start();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new CliRun(process.exitValue(), new String(err, StandardCharsets.UTF_8));
    }
}
