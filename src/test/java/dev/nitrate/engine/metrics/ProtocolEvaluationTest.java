package dev.nitrate.engine.metrics;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.colorize.ColorizeException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import dev.nitrate.testing.StatelessColorizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProtocolEvaluationTest {

    private final List<Rgb8> clip = PngFrames.sequence("gt", 0, 12);

    @Test
    void theModelSeesTheGrayscaleFilmAndAColourlessPredictionGivesThatFilmBack() throws Exception {
        ScriptedColorizer colorless = new ScriptedColorizer(l -> new ChromaPlanes(
                FloatPlane.zeros(l.width(), l.height()), FloatPlane.zeros(l.width(), l.height())));
        EvaluationReport report = evaluate(colorless, EvaluationExemplar.FIRST_FRAME);

        assertEquals(List.of("model", "gray", "static"), report.methods().stream().map(MethodEvaluation::method).toList());
        assertEquals(12, colorless.lightnessSeen.size());
        assertTrue(colorless.firstFrameIsExemplar);
        LabImage frame0 = CieLab.fromRgb8(clip.get(0).rgb(), 160, 120);
        assertEquals(1, colorless.exemplars.size());
        assertTrue(java.util.Arrays.equals(frame0.a().values(), colorless.exemplars.get(0).a().values()));
        for (int f = 0; f < 12; f++) {
            byte[] grayscale = ProtocolEvaluation.grayscaleFilmFrame(clip.get(f).rgb());
            assertTrue(java.util.Arrays.equals(CieLab.lightnessOfRgb8(grayscale, 160, 120).values(), colorless.lightnessSeen.get(f).values()),
                    "frame " + f + ": the model sees the L of the frame's rounded BT.601 luma");
        }
        QualityFigures model = report.methods().get(0).clip();
        assertTrue(model.maxLumaDrift() <= 0.5 + 1e-9, "the result keeps the grayscale film's luma: " + model.maxLumaDrift());
        assertTrue(model.colourfulness() < 1e-9, "no colour predicted, none added: " + model.colourfulness());
        assertTrue(report.methods().get(1).clip().maxLumaDrift() > 1, "the gray baseline keeps the original's L, not its luma");
    }

    @Test
    void anOracleColorizerBeatsBothBaselinesOnEveryShot() throws Exception {
        List<Rgb8> frames = clip;
        int[] next = {0};
        ScriptedColorizer oracle = new ScriptedColorizer(l -> {
            LabImage truth = CieLab.fromRgb8(frames.get(next[0]++).rgb(), l.width(), l.height());
            return new ChromaPlanes(truth.a(), truth.b());
        });
        EvaluationReport report = evaluate(oracle, EvaluationExemplar.FIRST_FRAME);
        MethodEvaluation model = report.methods().get(0);
        for (MethodEvaluation baseline : report.methods().subList(1, 3)) {
            assertTrue(model.clip().psnr() > baseline.clip().psnr() + 5, baseline.method());
            for (int s = 0; s < 2; s++) {
                assertTrue(model.shots().get(s).psnr() > baseline.shots().get(s).psnr(), baseline.method() + " shot " + s);
                assertTrue(model.shots().get(s).meanCiede2000() < baseline.shots().get(s).meanCiede2000());
            }
        }
        assertTrue(model.clip().meanCiede2000() < 0.5, "only rounding separates the oracle from the truth");
        assertTrue(model.clip().maxLumaDrift() <= 1 + 1e-9, "luma of the rounded grayscale film: " + model.clip().maxLumaDrift());
    }

    @Test
    void aSeparateExemplarImageIsGivenAsNotTheFirstFrame() throws Exception {
        ScriptedColorizer colorless = new ScriptedColorizer(l -> new ChromaPlanes(
                FloatPlane.zeros(l.width(), l.height()), FloatPlane.zeros(l.width(), l.height())));
        LabImage image = CieLab.fromRgb8(clip.get(7).rgb(), 160, 120);
        EvaluationReport report = evaluate(colorless, new EvaluationExemplar.Image("box.png", image));
        assertFalse(colorless.firstFrameIsExemplar);
        assertSame(image, colorless.exemplars.get(0));
        assertEquals("box.png", report.exemplar());
    }

    @Test
    void maxFramesStopsEarlyAndChromaOfTheWrongSizeIsRefused() throws Exception {
        EvaluationReport report = new ProtocolEvaluation()
                .evaluate(PngFrames.source(clip), Optional.empty(), EvaluationExemplar.FIRST_FRAME, 4, done -> {});
        assertEquals(4, report.frames());
        assertEquals(List.of(new Shot(0, 0, 4)), report.shots());

        ScriptedColorizer wrong = new ScriptedColorizer(l -> new ChromaPlanes(FloatPlane.zeros(8, 8), FloatPlane.zeros(8, 8)));
        ColorizeException e = assertThrows(ColorizeException.class, () -> evaluate(wrong, EvaluationExemplar.FIRST_FRAME));
        assertTrue(e.getMessage().contains("8x8"), e.getMessage());
    }

    private EvaluationReport evaluate(FrameColorizer colorizer, EvaluationExemplar exemplar) throws IOException, ColorizeException {
        return new ProtocolEvaluation()
                .evaluate(PngFrames.source(clip), Optional.of(colorizer), exemplar, 0, done -> {});
    }

    private static MethodEvaluation renamed(MethodEvaluation m, String name) {
        return new MethodEvaluation(name, m.clip(), m.shots());
    }

    /** A colorizer whose prediction is a function of the lightness it is given. */
    static final class ScriptedColorizer extends StatelessColorizer {
        final Function<FloatPlane, ChromaPlanes> prediction;
        final List<FloatPlane> lightnessSeen = new ArrayList<>();
        List<LabImage> exemplars = List.of();
        boolean firstFrameIsExemplar;

        ScriptedColorizer(Function<FloatPlane, ChromaPlanes> prediction) {
            this.prediction = prediction;
        }

        @Override
        public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {
            this.exemplars = exemplars;
            this.firstFrameIsExemplar = firstFrameIsExemplar;
        }

        @Override
        public ChromaPlanes colorize(FloatPlane lightness) {
            lightnessSeen.add(lightness);
            return prediction.apply(lightness);
        }
    }
}
