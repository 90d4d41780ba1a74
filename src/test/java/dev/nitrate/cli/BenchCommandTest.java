package dev.nitrate.cli;

import dev.nitrate.testing.StatelessColorizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nitrate bench} end to end: real FFmpeg decode with scaling and real H.264 encode. */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(BenchCommand command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    private static String clipPattern() throws Exception {
        Path first = Path.of(BenchCommandTest.class.getResource("/metrics/agreement/gt/00000.png").toURI());
        return first.getParent().resolve("%05d.png").toString();
    }

    @Test
    void theEncodedOutputNeverReplacesTheFilmOrAnExistingFile(@TempDir Path dir) throws Exception {
        Path film = dev.nitrate.testing.TestMedia.numberedFilm(dir.resolve("film.mp4"), 64, 48, 4, new dev.nitrate.engine.video.Rational(25, 1));
        byte[] filmBytes = java.nio.file.Files.readAllBytes(film);
        BenchCommand command = new BenchCommand(() -> (pack, options, w, h) -> new TimedColorizer());
        assertEquals(1, run(command, film.toString(), "--output", film.toString()));
        assertTrue(err.toString().contains("would replace the film"), err::toString);
        org.junit.jupiter.api.Assertions.assertArrayEquals(filmBytes, java.nio.file.Files.readAllBytes(film));

        Path earlier = java.nio.file.Files.writeString(dir.resolve("earlier.mp4"), "kept");
        assertEquals(1, run(new BenchCommand(() -> (pack, options, w, h) -> new TimedColorizer()), film.toString(), "--output", earlier.toString()));
        assertTrue(err.toString().contains("earlier.mp4 exists"), err::toString);
        assertEquals("kept", java.nio.file.Files.readString(earlier));
    }

    @Test
    void measuresStagesAtTheRequestedSizeAndEncodesH264(@TempDir Path dir) throws Exception {
        Path encoded = dir.resolve("bench.mp4");
        int[] openedSize = new int[2];
        BenchCommand command = new BenchCommand(() -> (pack, options, w, h) -> {
            openedSize[0] = w;
            openedSize[1] = h;
            return new TimedColorizer();
        });
        int code = run(command, clipPattern(), "--size", "96x72", "--warmup", "2", "--frames", "8",
                "--output", encoded.toString(), "--json");
        assertEquals(0, code, err::toString);
        assertEquals(96, openedSize[0]);
        assertEquals(72, openedSize[1]);

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(8, report.get("measuredFrames").asInt());
        assertEquals(96, report.get("width").asInt());
        JsonNode stages = report.get("stages");
        assertEquals("decode", stages.get(0).get("stage").asText());
        assertEquals("scale", stages.get(1).get("stage").asText());
        assertEquals("frame", stages.get(stages.size() - 1).get("stage").asText());
        boolean sawKeyEncoder = false;
        for (JsonNode stage : stages) {
            if (stage.get("stage").asText().equals("key_encoder")) {
                sawKeyEncoder = true;
                assertEquals(7.0, stage.get("medianMillis").asDouble(), 1e-9);
            }
        }
        assertTrue(sawKeyEncoder);
        assertTrue(report.get("peakResidentBytes").asLong() > 0);
        assertEquals("cpu", report.get("settings").get("device").asText());

        FilmInfo written = Films.probe(encoded, FilmOpenOptions.defaults());
        assertEquals("h264", written.codec());
        assertEquals(96, written.width());
        assertEquals(10, written.frameCount());
    }

    @Test
    void benchmarksTheRealEngineOnTheToyPack() throws Exception {
        Path toyPack = Path.of(getClass().getResource("/packs/toy/pack.json").toURI()).getParent();
        int code = run(new BenchCommand(), clipPattern(), "--pack", toyPack.toString(), "--warmup", "1", "--frames", "6",
                "--threads", "1", "--json");
        assertEquals(0, code, err::toString);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        List<String> stages = new java.util.ArrayList<>();
        report.get("stages").forEach(stage -> stages.add(stage.get("stage").asText()));
        assertTrue(stages.containsAll(List.of("key_encoder", "memory_readout", "local_attention", "decoder",
                "value_encoder", "bookkeeping")), stages::toString);
        assertEquals(7, report.get("finalMemory").get("framesSeen").asInt());
        assertTrue(report.get("peakWorkingElements").asInt() > 0);
        assertEquals("1", report.get("settings").get("threads").asText());
    }

    @Test
    void printsATableAndRefusesABadSize() throws Exception {
        BenchCommand command = new BenchCommand(() -> (pack, options, w, h) -> new TimedColorizer());
        assertEquals(0, run(command, clipPattern(), "--frames", "4", "--threads", "1"), err::toString);
        String text = out.toString();
        assertTrue(text.contains("key_encoder") && text.contains("Frames per second") && text.contains("Peak RSS"), text);
        assertTrue(text.contains("threads 1"), text);
        assertTrue(text.contains("at 160x120, 3 warm-up + 4 measured frames"), text);

        assertEquals(1, run(new BenchCommand(() -> (pack, options, w, h) -> new TimedColorizer()), clipPattern(), "--size", "big"));
        assertTrue(err.toString().contains("--size must look like 854x480"), err.toString());
    }

    private static final class TimedColorizer extends StatelessColorizer {
        @Override
        public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {}

        @Override
        public ChromaPlanes colorize(FloatPlane l) {
            return new ChromaPlanes(FloatPlane.zeros(l.width(), l.height()), FloatPlane.zeros(l.width(), l.height()));
        }

        @Override
        public MemoryStats memoryStats() {
            return new MemoryStats(1, 30, 0, 30, 1, 1, 0);
        }

        @Override
        public StageTimings lastFrameTimings() {
            return new StageTimings(Map.of("key_encoder", 7_000_000L));
        }
    }
}
