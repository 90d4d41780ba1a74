package dev.nitrate.engine.bench;

import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.StageTimings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.metrics.RgbFrameSource;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import dev.nitrate.testing.StatelessColorizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PipelineBenchmarkTest {

    @Test
    void reportsTheColorizersStagesBetweenOursWithMediansOverMeasuredFramesOnly() throws Exception {
        CountingColorizer colorizer = new CountingColorizer();
        List<Rgb8> written = new ArrayList<>();
        BenchReport report = new PipelineBenchmark(2, 5)
                .run(new SyntheticFilm(64, 48, 10), colorizer, written::add, Map.of("device", "cpu"));

        assertEquals(7, colorizer.framesColorized);
        assertTrue(colorizer.firstFrameIsExemplar);
        assertEquals(List.of("decode", "to_lab", "key_encoder", "memory_readout", "value_encoder", "colorize_other",
                "to_rgb", "encode", "frame"), report.stages().stream().map(StageFigure::stage).toList());
        // Frames 2..6 are measured: the key encoder reports 2, 3, 4, 5, 6 ms.
        StageFigure key = report.stage("key_encoder").orElseThrow();
        assertEquals(4.0, key.medianMillis(), 1e-9);
        assertEquals(4.0, key.meanMillis(), 1e-9);
        assertEquals(6.0, key.maxMillis(), 1e-9);
        // The value encoder ran on frames 0 and 5 only: median 0, mean 9 ms / 5.
        StageFigure value = report.stage("value_encoder").orElseThrow();
        assertEquals(0.0, value.medianMillis(), 1e-9);
        assertEquals(9.0 / 5, value.meanMillis(), 1e-9);
        assertEquals(3.0, report.stage("memory_readout").orElseThrow().medianMillis(), 1e-9);
        assertEquals(64, report.width());
        assertEquals(5, report.measuredFrames());
        assertEquals(7 * 64, report.peakWorkingElements(), "peak over all frames run");
        assertTrue(report.framesPerSecond() > 0);
        assertTrue(report.peakResidentBytes() > 0, "VmHWM is read on Linux");
        assertTrue(report.peakHeapUsedBytes() > 0 && report.peakHeapUsedBytes() <= report.maxHeapBytes());
        assertEquals("cpu", report.settings().get("device"));
        assertEquals(7, written.size());
    }

    @Test
    void aFilmTooShortForWarmUpAndMeasurementIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> new PipelineBenchmark(3, 10)
                .run(new SyntheticFilm(16, 16, 6), new CountingColorizer(), frame -> {}, Map.of()));
        assertTrue(e.getMessage().contains("ends after 6 frames") && e.getMessage().contains("needs 13"), e.getMessage());
    }

    @Test
    void readsKilobyteFieldsOfProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  1234 kB\nVmRSS:\t   1000 kB\n";
        assertEquals(OptionalLong.of(1234 * 1024L), ProcessMemory.parseKilobytes(status, "VmHWM:"));
        assertEquals(OptionalLong.empty(), ProcessMemory.parseKilobytes(status, "VmSwap:"));
    }

    /** Reports fixed stage times: key encoder = frame number ms, readout 3 ms, value encoder 4 + frame ms every 5th frame. */
    static final class CountingColorizer extends StatelessColorizer {
        int framesColorized;
        boolean firstFrameIsExemplar;
        private StageTimings last = StageTimings.NONE;

        @Override
        public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {
            this.firstFrameIsExemplar = firstFrameIsExemplar;
        }

        @Override
        public ChromaPlanes colorize(FloatPlane lightness) {
            int frame = framesColorized++;
            Map<String, Long> nanos = new LinkedHashMap<>();
            nanos.put("key_encoder", frame * 1_000_000L);
            nanos.put("memory_readout", 3_000_000L);
            if (frame % 5 == 0) {
                nanos.put("value_encoder", (4 + frame) * 1_000_000L);
            }
            last = new StageTimings(nanos);
            return new ChromaPlanes(FloatPlane.zeros(lightness.width(), lightness.height()),
                    FloatPlane.zeros(lightness.width(), lightness.height()));
        }

        @Override
        public MemoryStats memoryStats() {
            return new MemoryStats(framesColorized, framesColorized * 64, 0, 64, framesColorized, 1, 0);
        }

        @Override
        public StageTimings lastFrameTimings() {
            return last;
        }
    }

    static final class SyntheticFilm implements RgbFrameSource {
        private final int width;
        private final int height;
        private final int length;
        private int next;

        SyntheticFilm(int width, int height, int length) {
            this.width = width;
            this.height = height;
            this.length = length;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public Optional<Rgb8> next() {
            if (next == length) {
                return Optional.empty();
            }
            byte[] rgb = new byte[width * height * 3];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = (byte) (i * 7 + next * 13);
            }
            next++;
            return Optional.of(new Rgb8(width, height, rgb));
        }

        @Override
        public void close() {}
    }
}
