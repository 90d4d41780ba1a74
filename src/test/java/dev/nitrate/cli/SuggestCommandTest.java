package dev.nitrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nitrate suggest} and {@code colorize --confidence-overlay} with the built-in pack (real ONNX Runtime and OpenCV). */
class SuggestCommandTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @TempDir
    Path folder;

    /** Two shots of 20 frames (a cut at 20), and a colour exemplar: frame 0 tinted. */
    private Path film() throws Exception {
        TestMedia.imageSequence(folder.resolve("film"), ImageFormat.PNG, 40, i -> TestMedia.sceneFrame(i < 20 ? 0 : 3, i, WIDTH, HEIGHT));
        byte[] rgb = TestMedia.sceneFrame(0, 0, WIDTH, HEIGHT).rgb().clone();
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) Math.min(255, (rgb[i] & 0xFF) + 60);
        }
        ImageFileWriter.write(new RgbPixels.Rgb8(WIDTH, HEIGHT, rgb), ImageFormat.PNG, folder.resolve("exemplar.png"));
        return folder.resolve("film");
    }

    private static CliRunner.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new NitrateCli(ColorizerProvider.engine()).run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    @Test
    void suggestListsTheLowestScoresOnePerStretchAsJson() throws Exception {
        Path film = film();
        int gap = 8;
        CliRunner.Result result = run("suggest", film.toString(), "-e", folder.resolve("exemplar.png").toString(),
                "--count", "3", "--min-gap", String.valueOf(gap), "--json");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(Set.of("film", "suggestions"), fieldNames(json));
        assertEquals(film.toString(), json.get("film").asText());
        JsonNode list = json.get("suggestions");
        assertEquals(3, list.size(), result.out());
        List<int[]> taken = new ArrayList<>();
        taken.add(new int[] {0, 1});
        double previousScore = -1;
        for (JsonNode s : list) {
            assertEquals(Set.of("frame", "shot", "timecode", "seconds", "score"), fieldNames(s));
            int frame = s.get("frame").asInt();
            int shot = s.get("shot").asInt();
            assertEquals(frame < 20 ? 1 : 2, shot, "frame " + frame + " lies in shot " + (frame < 20 ? 1 : 2));
            assertTrue(s.get("timecode").asText().matches("\\d+:\\d\\d:\\d\\d\\.\\d{3}"), s.get("timecode").asText());
            assertEquals(frame / 24.0, s.get("seconds").asDouble(), 1e-9, "image sequences play at 24 fps");
            double score = s.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1, "score " + score);
            assertTrue(score >= previousScore, "lowest score first");
            previousScore = score;
            for (int[] t : taken) {
                assertTrue(t[1] != shot || Math.abs(t[0] - frame) >= gap, "frame " + frame + " is within " + gap + " of " + t[0]);
            }
            taken.add(new int[] {frame, shot});
        }
    }

    @Test
    void theOverlayWritesAReviewCopyOfEveryFrameBesideTheConfidence() throws Exception {
        Path film = film();
        Path confidence = folder.resolve("confidence");
        CliRunner.Result result = run("colorize", film.toString(), "-e", folder.resolve("exemplar.png").toString(), "-o",
                folder.resolve("out").toString(), "--frames", "0-4", "--confidence", confidence.toString(), "--confidence-overlay");
        assertEquals(0, result.exitCode(), result.err() + result.out());
        Set<String> names;
        try (var files = Files.list(confidence)) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).collect(Collectors.toSet());
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(names.contains(String.format("frame_%06d.png", i)), names.toString());
            assertTrue(names.contains(String.format("overlay_%06d.png", i)), names.toString());
        }
        assertEquals(10, names.size(), names.toString());
        BufferedImage overlay = ImageIO.read(confidence.resolve("overlay_000003.png").toFile());
        assertEquals(WIDTH, overlay.getWidth());
        assertEquals(HEIGHT, overlay.getHeight());
        assertEquals(3, overlay.getRaster().getNumBands());
    }

    @Test
    void anOverlayWithoutAConfidenceFolderIsOneClearLine() throws Exception {
        Path film = film();
        CliRunner.Result result = run("colorize", film.toString(), "-e", folder.resolve("exemplar.png").toString(), "-o",
                folder.resolve("out").toString(), "--confidence-overlay");
        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("--confidence DIR"), result.err());
        assertTrue(Files.notExists(folder.resolve("out")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
