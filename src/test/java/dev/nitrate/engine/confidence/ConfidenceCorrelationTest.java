package dev.nitrate.engine.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import org.junit.jupiter.api.Test;

class ConfidenceCorrelationTest {

    /** A grey truth; the result's red channel wrong by {@code error(x)}; confidence falling as the error grows. */
    @Test
    void confidenceThatFallsWithTheErrorCorrelatesNegativelyAndScoresFollowPsnr() {
        int width = 32;
        int height = 8;
        byte[] truthRgb = new byte[width * height * 3];
        java.util.Arrays.fill(truthRgb, (byte) 128);
        LabImage truth = CieLab.fromRgb8(truthRgb, width, height);
        ConfidenceCorrelation correlation = new ConfidenceCorrelation(1);
        for (int frame = 0; frame < 4; frame++) {
            byte[] result = truthRgb.clone();
            float[] confidence = new float[width * height];
            for (int i = 0; i < confidence.length; i++) {
                int x = i % width;
                result[3 * i] = (byte) (128 + x * 3 + frame * 10);
                confidence[i] = 1f - (x * 3 + frame * 10) / 200f;
            }
            Rgb8 colorized = new Rgb8(width, height, result);
            correlation.add(new FloatPlane(width, height, confidence), truth, colorized,
                    dev.nitrate.engine.metrics.FrameMetrics.psnr(new Rgb8(width, height, truthRgb), colorized));
        }
        ConfidenceCorrelation.Correlations c = correlation.result();
        assertEquals(4, c.frames());
        assertEquals(4L * width * height, c.pixels());
        assertTrue(c.pixelConfidenceVsError() < -0.99, "pixel rho " + c.pixelConfidenceVsError());
        assertEquals(1.0, c.frameScoreVsPsnr(), 1e-12);
    }

    @Test
    void theGridSamplesOnePixelPerStrideSquare() {
        ConfidenceCorrelation correlation = new ConfidenceCorrelation(4);
        byte[] rgb = new byte[16 * 8 * 3];
        correlation.add(FloatPlane.zeros(16, 8), CieLab.fromRgb8(rgb, 16, 8), new Rgb8(16, 8, rgb), 99);
        assertEquals(8, correlation.result().pixels());
    }
}
