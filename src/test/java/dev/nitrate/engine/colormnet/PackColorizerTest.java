package dev.nitrate.engine.colormnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pack.TestPacks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-frame engine on the toy pack: memory schedule, statistics, timings, resume, cancel, devices. */
class PackColorizerTest {

    private static final int W = 150;
    private static final int H = 90;
    private static final InferenceOptions.MemoryOverrides SMALL_MEMORY = new InferenceOptions.MemoryOverrides(10, 3, 2, 4, 16, 64);

    @TempDir
    Path tmp;

    private static PackColorizer open(PackLocation pack, ComputeDevice device, int w, int h) throws PackException {
        return new PackColorizerFactory().openPack(pack, new InferenceOptions(device, 1, SMALL_MEMORY), w, h);
    }

    /** The built-in pack ships its local-attention graph switched off; this copy switches it on. */
    private PackLocation builtinCopyWithLocalAttention() throws java.io.IOException {
        Path source = Path.of("src/main/resources/packs/builtin");
        Path copy = java.nio.file.Files.createDirectories(tmp.resolve("builtin-with-attention"));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(source)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        TestPacks.editManifest(copy, root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("local_attention")).put("enabled", true));
        return new PackLocation.Folder(copy);
    }

    private static PackLocation toy() {
        return new PackLocation.Folder(TestPacks.toySource());
    }

    static FloatPlane frame(int t, int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (float) (50 + 40 * Math.sin(0.09 * (x + 2 * t)) * Math.cos(0.13 * y - 0.05 * t));
            }
        }
        return new FloatPlane(w, h, v);
    }

    static LabImage exemplar(int w, int h) {
        FloatPlane l = frame(0, w, h);
        float[] a = new float[w * h];
        float[] b = new float[w * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = 30 * (float) Math.sin(i * 0.01);
            b[i] = -20 + (i % w) * 0.2f;
        }
        return new LabImage(l, new FloatPlane(w, h, a), new FloatPlane(w, h, b));
    }

    @Test
    void memoryScheduleStatsAndTimings() throws Exception {
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            assertEquals(224, c.geometry().paddedWidth());
            assertEquals(112, c.geometry().paddedHeight());
            assertEquals(37, c.geometry().padLeft());
            assertEquals(11, c.geometry().padTop());
            c.beginSequence(List.of(exemplar(W, H)), true);
            ChromaPlanes first = c.colorize(frame(0, W, H));
            assertArrayEquals(exemplar(W, H).a().values(), first.a().values(), 1e-4f, "the exemplar frame's colour is the exemplar's");
            MemoryStats afterFirst = c.memoryStats();
            assertEquals(1, afterFirst.memoryFramesAdded());
            assertEquals(c.geometry().gridElements(), afterFirst.permanentElements());
            for (int t = 1; t < 20; t++) {
                ChromaPlanes ab = c.colorize(frame(t, W, H));
                assertEquals(W, ab.width());
                assertEquals(H, ab.height());
            }
            MemoryStats stats = c.memoryStats();
            assertEquals(20, stats.framesSeen());
            assertEquals(1 + 19 / 3, stats.memoryFramesAdded(), "frame 0 then every mem_every = 3 frames");
            assertTrue(stats.consolidations() > 0, "small mid-term memory consolidates");
            assertTrue(stats.longTermElements() > 0);
            StageTimings timings = c.lastFrameTimings();
            for (String stage : List.of("key_encoder", "memory_readout", "local_attention", "decoder", "bookkeeping")) {
                assertTrue(timings.nanosByStage().containsKey(stage), "stage " + stage + " timed: " + timings);
            }
            assertTrue(timings.nanos("decoder") > 0);
        }
    }

    @Test
    void resumedRunIsBitExact() throws Exception {
        List<FloatPlane> frames = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            frames.add(frame(t, W, H));
        }
        List<ChromaPlanes> straight = new ArrayList<>();
        byte[] saved = null;
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            c.beginSequence(List.of(exemplar(W, H)), false);
            for (int t = 0; t < frames.size(); t++) {
                straight.add(c.colorize(frames.get(t)));
                if (t == 7) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    c.writeState(new DataOutputStream(bytes));
                    saved = bytes.toByteArray();
                }
            }
        }
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            c.readState(new DataInputStream(new ByteArrayInputStream(saved)));
            assertEquals(8, c.memoryStats().framesSeen());
            for (int t = 8; t < frames.size(); t++) {
                ChromaPlanes ab = c.colorize(frames.get(t));
                assertArrayEquals(straight.get(t).a().values(), ab.a().values(), "frame " + t + " a");
                assertArrayEquals(straight.get(t).b().values(), ab.b().values(), "frame " + t + " b");
            }
        }
    }

    /** Frames 0 and 1 of a sequence on the toy pack, run on {@code device} by a colorizer never cancelled. */
    private static List<ChromaPlanes> firstTwoFrames(ComputeDevice device) throws Exception {
        try (PackColorizer c = open(toy(), device, W, H)) {
            c.beginSequence(List.of(exemplar(W, H)), true);
            return List.of(c.colorize(frame(0, W, H)), c.colorize(frame(1, W, H)));
        }
    }

    @Test
    void cancelStopsTheFrameAndTheNextSequenceRunsAsIfNeverCancelled() throws Exception {
        List<ChromaPlanes> uncancelled = firstTwoFrames(ComputeDevice.CPU);
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            c.beginSequence(List.of(exemplar(W, H)), true);
            c.colorize(frame(0, W, H));
            c.cancel();
            ColorizeException e = assertThrows(ColorizeException.class, () -> c.colorize(frame(1, W, H)));
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertEquals(1, c.memoryStats().framesSeen(), "the cancelled frame left no trace in the memory");
            c.beginSequence(List.of(exemplar(W, H)), true);
            for (int t = 0; t < 2; t++) {
                ChromaPlanes ab = c.colorize(frame(t, W, H));
                assertArrayEquals(uncancelled.get(t).a().values(), ab.a().values(), "frame " + t + " a");
                assertArrayEquals(uncancelled.get(t).b().values(), ab.b().values(), "frame " + t + " b");
            }
        }
    }

    @Test
    void cancelFromAnotherThreadInterruptsRuns() throws Exception {
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            c.beginSequence(List.of(exemplar(W, H)), true);
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                c.cancel();
            });
            canceller.start();
            ColorizeException e = assertThrows(ColorizeException.class, () -> {
                for (int t = 0; t < 100_000; t++) {
                    c.colorize(frame(t % 4, W, H));
                }
            });
            canceller.join();
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        }
    }

    @Test
    void aCudaRequestRunsOnTheGpuOrFallsBackToTheCpuSayingWhyWithTheCpusResults() throws Exception {
        List<ChromaPlanes> onCpu = firstTwoFrames(ComputeDevice.CPU);
        boolean cudaInThisBuild = ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
        try (PackColorizer c = open(toy(), new ComputeDevice.Cuda(0), W, H)) {
            if (!cudaInThisBuild) {
                assertEquals(ComputeDevice.CPU, c.device(), "an ONNX Runtime without CUDA cannot run on cuda:0");
            }
            c.beginSequence(List.of(exemplar(W, H)), true);
            List<ChromaPlanes> run = List.of(c.colorize(frame(0, W, H)), c.colorize(frame(1, W, H)));
            if (c.device() instanceof ComputeDevice.Cpu) {
                assertNotNull(c.fallbackReason(), "a fallback says why");
                assertTrue(c.fallbackReason().startsWith("CUDA device 0 could not be used ("), c.fallbackReason());
                assertEquals("cpu (" + c.fallbackReason() + ")", c.deviceDescription());
                for (int t = 0; t < 2; t++) {
                    assertArrayEquals(onCpu.get(t).a().values(), run.get(t).a().values(), "the fallback is the CPU path: frame " + t + " a");
                    assertArrayEquals(onCpu.get(t).b().values(), run.get(t).b().values(), "the fallback is the CPU path: frame " + t + " b");
                }
            } else {
                assertEquals(new ComputeDevice.Cuda(0), c.device());
                assertNull(c.fallbackReason(), "no fallback, no reason");
                assertEquals("cuda:0", c.deviceDescription());
                for (int t = 0; t < 2; t++) {
                    assertArrayEquals(onCpu.get(t).a().values(), run.get(t).a().values(), 1e-3f, "the GPU colours as the CPU does: frame " + t + " a");
                    assertArrayEquals(onCpu.get(t).b().values(), run.get(t).b().values(), 1e-3f, "the GPU colours as the CPU does: frame " + t + " b");
                }
            }
        }
    }

    @Test
    void localAttentionOfAnotherFormKeepsThePackGraphAndLogsWhyOnce() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(PackColorizer.class.getName());
        logger.addHandler(capture);
        try {
            try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
                assertEquals("graph", c.localAttentionPath(), "the toy graph has no depthwise conv: the window path must not claim it");
            }
            assertEquals(1, records.size(), records.toString());
            assertEquals(Level.WARNING, records.get(0).getLevel());
            String message = java.text.MessageFormat.format(records.get(0).getMessage(), records.get(0).getParameters());
            assertTrue(message.startsWith("local attention of pack " + toy() + " runs on its graph") && message.contains("does not match"), message);

            records.clear();
            InferenceOptions graphPath = new InferenceOptions(ComputeDevice.CPU, 1, SMALL_MEMORY).withLocalAttention(InferenceOptions.LocalAttentionPath.GRAPH);
            try (PackColorizer c = new PackColorizerFactory().openPack(toy(), graphPath, W, H)) {
                assertEquals("graph", c.localAttentionPath());
            }
            assertEquals(List.of(), records, "the graph path asked for is no fallback");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void builtinPackRunsItsDistanceAttentionOnTheWindowPathWithTheGraphsResults() throws Exception {
        int w = 320;
        int h = 200;
        List<ChromaPlanes> fast = new ArrayList<>();
        PackLocation builtinWithAttention = builtinCopyWithLocalAttention();
        try (PackColorizer c = open(builtinWithAttention, ComputeDevice.CPU, w, h)) {
            assertEquals("window", c.localAttentionPath(), "the built-in pack's distance-form attention is recognised and checked");
            c.beginSequence(List.of(exemplar(w, h)), true);
            for (int t = 0; t < 4; t++) {
                fast.add(c.colorize(frame(t, w, h)));
            }
            assertTrue(c.lastFrameTimings().nanosByStage().containsKey("local_attention"));
        }
        InferenceOptions graphPath = new InferenceOptions(ComputeDevice.CPU, 1, SMALL_MEMORY).withLocalAttention(InferenceOptions.LocalAttentionPath.GRAPH);
        try (PackColorizer c = new PackColorizerFactory().openPack(builtinWithAttention, graphPath, w, h)) {
            assertEquals("graph", c.localAttentionPath());
            c.beginSequence(List.of(exemplar(w, h)), true);
            for (int t = 0; t < 4; t++) {
                ChromaPlanes slow = c.colorize(frame(t, w, h));
                float[][] pairs = {fast.get(t).a().values(), slow.a().values(), fast.get(t).b().values(), slow.b().values()};
                for (int k = 0; k < 4; k += 2) {
                    for (int i = 0; i < pairs[k].length; i++) {
                        assertEquals(pairs[k + 1][i], pairs[k][i], 1e-2, "frame " + t + " chroma at " + i);
                    }
                }
            }
        }
    }

    @Test
    void wrongFrameSizeIsRefused() throws Exception {
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            c.beginSequence(List.of(exemplar(W, H)), true);
            assertThrows(IllegalArgumentException.class, () -> c.colorize(frame(0, W + 2, H)));
        }
    }

    @Test
    void largeFramesRunDownscaledUnderMaxArea() throws Exception {
        Path pack = TestPacks.copyToy(tmp);
        TestPacks.editManifest(pack, root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("inference")).put("max_area", 100 * 60));
        try (PackColorizer c = open(new PackLocation.Folder(pack), ComputeDevice.CPU, W, H)) {
            assertTrue(c.geometry().downscaled());
            assertTrue(c.geometry().networkWidth() * c.geometry().networkHeight() <= 100 * 60);
            c.beginSequence(List.of(exemplar(W, H)), false);
            for (int t = 0; t < 4; t++) {
                ChromaPlanes ab = c.colorize(frame(t, W, H));
                assertEquals(W, ab.width());
                assertEquals(H, ab.height());
            }
        }
    }

    /** A copy of the toy pack in {@code dir} with the toy refiner graph and {@code max_area} 100 x 60. */
    static Path toyWithRefiner(Path dir) throws Exception {
        Path pack = TestPacks.copyToy(dir);
        java.nio.file.Files.copy(Path.of(PackColorizerTest.class.getResource("/packs/toy-refiner/refiner.onnx").toURI()), pack.resolve("refiner.onnx"));
        String sha = TestPacks.sha256(pack.resolve("refiner.onnx"));
        TestPacks.editManifest(pack, root -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("inference")).put("max_area", 100 * 60);
            var refiner = ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("graphs")).putObject("refiner");
            refiner.put("file", "refiner.onnx").put("sha256", sha);
            var in = refiner.putArray("inputs");
            in.addObject().put("name", "lightness").putArray("shape").add(1).add(1).add("Hf").add("Wf");
            in.addObject().put("name", "network_ab").putArray("shape").add(1).add(2).add("Hn").add("Wn");
            refiner.putArray("outputs").addObject().put("name", "ab").putArray("shape").add(1).add(2).add("Hf").add("Wf");
        });
        return pack;
    }

    @Test
    void refinerBringsDownscaledChromaToFullResolution() throws Exception {
        Path pack = toyWithRefiner(tmp);
        try (PackColorizer c = open(new PackLocation.Folder(pack), ComputeDevice.CPU, W, H)) {
            c.beginSequence(List.of(exemplar(W, H)), true);
            c.colorize(frame(0, W, H));
            ChromaPlanes ab = c.colorize(frame(1, W, H));
            assertEquals(W, ab.width());
            assertEquals(H, ab.height());
            assertTrue(c.lastFrameTimings().nanos("refiner") > 0, "the refiner ran: " + c.lastFrameTimings());
        }
    }

    @Test
    void severalExemplarsStayPermanent() throws Exception {
        try (PackColorizer c = open(toy(), ComputeDevice.CPU, W, H)) {
            c.beginSequence(List.of(exemplar(W, H), exemplar(W, H), exemplar(W, H)), false);
            int hw = c.geometry().gridElements();
            assertEquals(3 * hw, c.memoryStats().permanentElements());
            for (int t = 0; t < 25; t++) {
                c.colorize(frame(t, W, H));
            }
            assertTrue(c.memoryStats().consolidations() > 0);
            assertEquals(3 * hw, c.memoryStats().permanentElements());
        }
    }
}
