package dev.nitrate.cli;

import dev.nitrate.testing.StatelessColorizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code nitrate evaluate} end to end: real FFmpeg decoding of the committed agreement frames. */
class EvaluateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(EvaluateCommand command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    private static String clipPattern() throws URISyntaxException {
        Path first = Path.of(EvaluateCommandTest.class.getResource("/metrics/agreement/gt/00000.png").toURI());
        return first.getParent().resolve("%05d.png").toString();
    }

    @Test
    void baselinesDecodedByFfmpegAgreeWithVceval() throws Exception {
        int code = run(new EvaluateCommand(), clipPattern(), "--baselines-only", "--json");
        assertEquals(0, code, err::toString);

        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/metrics/agreement/expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        JsonNode report = new ObjectMapper().readTree(out.toString()).get("evaluation");
        assertEquals(2, report.get("shots").size());
        List<String> methods = new ArrayList<>();
        for (JsonNode method : report.get("methods")) {
            String name = method.get("method").asText();
            methods.add(name);
            JsonNode vceval = expected.at("/vceval_cli/baseline_" + name);
            JsonNode clip = method.get("clip");
            assertEquals(12, clip.get("frames").asInt());
            assertEquals(vceval.get("psnr").asDouble(), clip.get("psnr").asDouble(), 0.01, name);
            assertEquals(vceval.get("ssim").asDouble(), clip.get("ssim").asDouble(), 1e-4, name);
            assertEquals(vceval.get("cdc").asDouble(), clip.get("cdc").asDouble(), 1e-4, name);
        }
        assertEquals(List.of("gray", "static"), methods);
    }

    @Test
    void runsTheColorizerFromTheFactoryWithTheStandardProtocolAndPrintsPerShotTables() throws Exception {
        List<Boolean> firstFrameIsExemplar = new ArrayList<>();
        EvaluateCommand command = new EvaluateCommand(() -> (PackLocation pack, InferenceOptions options, int w, int h) -> {
            assertEquals(160, w);
            assertEquals(PackLocation.BUILTIN, pack);
            assertEquals(2, options.intraOpThreads());
            return new ColorlessColorizer(firstFrameIsExemplar);
        });
        int code = run(command, clipPattern(), "--threads", "2");
        assertEquals(0, code, err::toString);
        String text = out.toString();
        assertEquals(List.of(true), firstFrameIsExemplar);
        assertTrue(text.contains("12 frames, 2 shots"), text);
        assertTrue(text.contains("Shot 2 (frames 6-11)"), text);
        // A model that predicts no colour gives the grayscale film back: no colour, and its luma
        // (drift at most one code, where the gray baseline, which keeps L*, drifts more).
        int tables = 0;
        for (String table : text.split("\n\n")) {
            String model = line(table, "model");
            if (model != null) {
                tables++;
                String[] columns = model.trim().split("\\s+");
                assertEquals(0.0, Double.parseDouble(columns[4]), 1e-9, "colourfulness: " + table);
                assertTrue(Double.parseDouble(columns[7]) <= 1.0, "luma drift: " + table);
                String[] gray = line(table, "gray").trim().split("\\s+");
                assertTrue(Double.parseDouble(gray[7]) > 1.0, "the gray baseline's drift: " + table);
            }
        }
        assertEquals(3, tables, text);
        assertTrue(text.contains("  static "), text);
    }

    @Test
    void aSeparateExemplarImageIsFittedToTheFrameAndNotTakenAsFrameZero() throws Exception {
        List<Boolean> firstFrameIsExemplar = new ArrayList<>();
        EvaluateCommand command = new EvaluateCommand(() -> (pack, options, w, h) -> new ColorlessColorizer(firstFrameIsExemplar));
        Path exemplar = Path.of(getClass().getResource("/media/chelsea.png").toURI());
        int code = run(command, clipPattern(), "--exemplar", exemplar.toString(), "--max-frames", "3");
        assertEquals(0, code, err::toString);
        assertEquals(List.of(false), firstFrameIsExemplar);
        assertTrue(out.toString().contains("Exemplar  " + exemplar), out.toString());
        assertTrue(out.toString().contains("3 frames, 1 shot)"), out.toString());

        assertEquals(1, run(command, clipPattern(), "--exemplar", "/no/such/exemplar.png"));
        assertTrue(err.toString().contains("/no/such/exemplar.png"), err.toString());
    }

    @Test
    void runsTheRealEngineOnTheToyPack() throws Exception {
        Path toyPack = Path.of(getClass().getResource("/packs/toy/pack.json").toURI()).getParent();
        int code = run(new EvaluateCommand(), clipPattern(), "--pack", toyPack.toString(), "--json", "--threads", "1");
        assertEquals(0, code, err::toString);
        JsonNode report = new ObjectMapper().readTree(out.toString()).get("evaluation");
        JsonNode model = report.get("methods").get(0);
        assertEquals("model", model.get("method").asText());
        assertEquals(12, model.get("clip").get("frames").asInt());
        assertEquals(2, model.get("shots").size());
        double psnr = model.get("clip").get("psnr").asDouble();
        assertTrue(psnr > 10 && psnr < 100, "a random-weight network colours, but not perfectly: " + psnr);
        assertTrue(report.get("colorizeSecondsPerFrame").asDouble() > 0);
        JsonNode confidence = report.get("confidence");
        assertEquals(11, confidence.get("frames").asInt(), "a ColorMNet pack's readout confidence, frame 0 (the exemplar) left out");
        assertTrue(confidence.get("pixels").asLong() > 0);
    }

    @Test
    void theBuiltInPacksConfidenceIsCorrelatedWithItsErrorLeavingTheExemplarsFrameOut() throws Exception {
        int code = run(new EvaluateCommand(), clipPattern(), "--json");
        assertEquals(0, code, err::toString);
        JsonNode confidence = new ObjectMapper().readTree(out.toString()).get("evaluation").get("confidence");
        assertEquals(11, confidence.get("frames").asInt(), "frames 1-11: frame 0 is the exemplar");
        assertTrue(confidence.get("pixels").asLong() > 0);
        for (String rho : List.of("pixelConfidenceVsError", "frameScoreVsPsnr")) {
            double value = confidence.get(rho).asDouble();
            assertTrue(value >= -1 && value <= 1, rho + " " + value);
        }
    }

    @Test
    void theSuggestionExperimentPrintsOneRowPerClip() throws Exception {
        int code = run(new EvaluateCommand(), clipPattern(), "--suggestion-experiment", "--min-gap", "2");
        assertEquals(0, code, err::toString);
        List<String> rows = out.toString().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, rows.size(), out.toString());
        assertTrue(rows.get(0).matches("%05d\\.png +frames +12 .*\\+suggested +\\d+ .*\\+middle +\\d+ .*gain [+-]\\d+\\.\\d{3} dB"), rows.get(0));
    }

    @Test
    void missingClipAndMissingEngineAreClearErrors() throws Exception {
        assertEquals(1, run(new EvaluateCommand(), "/no/such/clip.mp4", "--baselines-only"));
        assertTrue(err.toString().startsWith("evaluate: /no/such/clip.mp4"), err.toString());

        err.getBuffer().setLength(0);
        EvaluateCommand noEngine = new EvaluateCommand(() -> {
            throw new PackException("this build of Nitrate has no model engine");
        });
        assertEquals(1, run(noEngine, clipPattern()));
        assertTrue(err.toString().contains("no model engine"), err.toString());
    }

    private static String line(String table, String method) {
        for (String l : table.split("\n")) {
            if (l.startsWith("  " + method + " ")) {
                return l;
            }
        }
        return null;
    }

    private static final class ColorlessColorizer extends StatelessColorizer {
        private final List<Boolean> firstFrameIsExemplar;

        ColorlessColorizer(List<Boolean> firstFrameIsExemplar) {
            this.firstFrameIsExemplar = firstFrameIsExemplar;
        }

        @Override
        public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {
            this.firstFrameIsExemplar.add(firstFrameIsExemplar);
        }

        @Override
        public ChromaPlanes colorize(FloatPlane l) {
            return new ChromaPlanes(FloatPlane.zeros(l.width(), l.height()), FloatPlane.zeros(l.width(), l.height()));
        }
    }
}
