package dev.nitrate.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our metrics against figures computed once by the independent scorer vceval.py on the same
 * frames (src/test/resources/metrics/agreement: the frames, expected.json and make_expected.sh,
 * the command that made it).
 */
class VcevalAgreementTest {

    private static final double PSNR_TOLERANCE_DB = 0.01;
    private static final double SSIM_TOLERANCE = 1e-4;
    private static final double CDC_TOLERANCE = 1e-4;

    private static JsonNode expected;
    private static List<Rgb8> groundTruth;
    private static List<Rgb8> result;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = VcevalAgreementTest.class.getResourceAsStream(PngFrames.AGREEMENT + "expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        groundTruth = PngFrames.sequence("gt", 0, 12);
        result = PngFrames.sequence("out", 0, 12);
    }

    private static QualityFigures score(int first, int count) {
        QualityAccumulator accumulator = new QualityAccumulator();
        for (int i = first; i < first + count; i++) {
            accumulator.add(groundTruth.get(i), result.get(i));
        }
        return accumulator.figures();
    }

    @Test
    void clipAndShotFiguresAgreeWithVcevalWithinTheRequiredTolerances() {
        assertAgrees("clip", score(0, 12));
        assertAgrees("shot0", score(0, 6));
        assertAgrees("shot1", score(6, 6));
    }

    private static void assertAgrees(String run, QualityFigures ours) {
        JsonNode cli = expected.at("/vceval_cli/" + run);
        assertEquals(cli.get("frames").asInt(), ours.frames(), run);
        assertEquals(cli.get("psnr").asDouble(), ours.psnr(), PSNR_TOLERANCE_DB, run + " PSNR");
        assertEquals(cli.get("ssim").asDouble(), ours.ssim(), SSIM_TOLERANCE, run + " SSIM");
        assertEquals(cli.get("cdc").asDouble(), ours.cdc(), CDC_TOLERANCE, run + " CDC");
        assertEquals(cli.get("colorfulness").asDouble(), ours.colourfulness(), 0.005 + 1e-9, run + " colourfulness");
        assertEquals(cli.get("colorfulness_gt").asDouble(), ours.colourfulnessGroundTruth(), 0.005 + 1e-9, run);
        assertEquals(cli.get("max_luma_drift").asDouble(), ours.maxLumaDrift(), 0.05 + 1e-9, run + " luma drift");
    }

    /** The same definitions, to double precision: any deviation in a formula shows here. */
    @Test
    void figuresMatchVcevalsUnroundedValuesToRoundingError() {
        for (String run : List.of("clip", "shot0", "shot1")) {
            QualityFigures ours = run.equals("clip") ? score(0, 12) : run.equals("shot0") ? score(0, 6) : score(6, 6);
            JsonNode raw = expected.at("/unrounded/" + run);
            assertEquals(raw.get("psnr").asDouble(), ours.psnr(), 1e-9, run + " PSNR");
            assertEquals(raw.get("ssim").asDouble(), ours.ssim(), 1e-12, run + " SSIM");
            assertEquals(raw.get("cdc").asDouble(), ours.cdc(), 1e-12, run + " CDC");
            assertEquals(raw.get("colorfulness").asDouble(), ours.colourfulness(), 1e-9, run + " colourfulness");
            assertEquals(raw.get("colorfulness_gt").asDouble(), ours.colourfulnessGroundTruth(), 1e-9, run);
            assertEquals(raw.get("max_luma_drift").asDouble(), ours.maxLumaDrift(), 1e-9, run + " luma drift");
        }
    }

    @Test
    void baselinesOfTheProtocolAgreeWithVcevalsBaselines() throws IOException, ColorizeException {
        EvaluationReport report = new ProtocolEvaluation()
                .evaluate(PngFrames.source(groundTruth), Optional.empty(), EvaluationExemplar.FIRST_FRAME, 0, done -> {});

        assertEquals(List.of(new Shot(0, 0, 6), new Shot(1, 6, 6)), report.shots());
        assertEquals(List.of(ProtocolEvaluation.GRAY, ProtocolEvaluation.STATIC),
                report.methods().stream().map(MethodEvaluation::method).toList());
        for (MethodEvaluation method : report.methods()) {
            JsonNode cli = expected.at("/vceval_cli/baseline_" + method.method());
            QualityFigures ours = method.clip();
            assertEquals(12, ours.frames());
            assertEquals(cli.get("psnr").asDouble(), ours.psnr(), PSNR_TOLERANCE_DB, method.method() + " PSNR");
            assertEquals(cli.get("ssim").asDouble(), ours.ssim(), SSIM_TOLERANCE, method.method() + " SSIM");
            assertEquals(cli.get("cdc").asDouble(), ours.cdc(), CDC_TOLERANCE, method.method() + " CDC");
            assertEquals(List.of(6, 6), method.shots().stream().map(QualityFigures::frames).toList(), "each shot's figures cover its frames");
        }
    }
}
