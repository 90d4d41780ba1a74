package dev.nitrate.engine.bench;

import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colormnet.BenchmarkMemory;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.metrics.RgbFrameSource;
import dev.nitrate.engine.pipeline.FramePipeline;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Times the whole render path frame by frame: decode (and resize), conversion to Lab, the colorizer's own
 * stages (as it reports them in {@link FrameColorizer#lastFrameTimings()}), conversion back
 * to RGB and encode. Frame 0 is the exemplar (the standard protocol). The first
 * {@code warmupFrames} frames are run but not measured.
 */
public final class PipelineBenchmark {

    public static final String DECODE = "decode";
    /** Bilinear resize to the benchmark size, when it differs from the film's. */
    public static final String SCALE = "scale";
    public static final String TO_LAB = "to_lab";
    /** Colorize wall time that the colorizer did not attribute to any of its stages. */
    public static final String COLORIZE_UNATTRIBUTED = "colorize_other";
    public static final String TO_RGB = "to_rgb";
    public static final String ENCODE = "encode";
    public static final String FRAME = "frame";
    /** The colorizer's whole call; reported split into its own stages and {@link #COLORIZE_UNATTRIBUTED}. */
    private static final String COLORIZE = "colorize";

    private final int warmupFrames;
    private final int measuredFrames;
    private final BenchmarkMemory fullMemory;

    /**
     * @param warmupFrames frames to run before measuring (at least 1: frame 0 stores the exemplar)
     * @param measuredFrames frames to measure (at least 1)
     */
    public PipelineBenchmark(int warmupFrames, int measuredFrames) {
        if (warmupFrames < 1 || measuredFrames < 1) {
            throw new IllegalArgumentException("need at least 1 warm-up and 1 measured frame, got "
                    + warmupFrames + " and " + measuredFrames);
        }
        this.warmupFrames = warmupFrames;
        this.measuredFrames = measuredFrames;
        this.fullMemory = null;
    }

    private PipelineBenchmark(int warmupFrames, int measuredFrames, BenchmarkMemory fullMemory) {
        this.warmupFrames = warmupFrames;
        this.measuredFrames = measuredFrames;
        this.fullMemory = fullMemory;
    }

    /** The same benchmark with the colorizer's memory filled up to {@code memory} before every frame after frame 0. */
    public PipelineBenchmark withFullMemory(BenchmarkMemory memory) {
        return new PipelineBenchmark(warmupFrames, measuredFrames, memory);
    }

    /** Runs the benchmark at the film's own size. */
    public BenchReport run(RgbFrameSource film, FrameColorizer colorizer, RgbFrameSink sink, Map<String, String> settings)
            throws IOException, ColorizeException {
        return run(film, film.width(), film.height(), colorizer, sink, settings);
    }

    /**
     * Runs the benchmark, resizing frames to {@code width x height} first when the film has another
     * size (the colorizer must be opened for that size). The caller owns and closes the film, the
     * colorizer and the sink.
     *
     * @throws IOException when the film ends before warm-up and measurement are done, or decoding fails
     */
    public BenchReport run(RgbFrameSource film, int width, int height, FrameColorizer colorizer, RgbFrameSink sink,
            Map<String, String> settings) throws IOException, ColorizeException {
        return run(film, width, height, colorizer, sink, settings, done -> {});
    }

    /** As {@link #run(RgbFrameSource, int, int, FrameColorizer, RgbFrameSink, Map)}, telling {@code framesDone} after each frame. */
    public BenchReport run(RgbFrameSource film, int width, int height, FrameColorizer colorizer, RgbFrameSink sink,
            Map<String, String> settings, IntConsumer framesDone) throws IOException, ColorizeException {
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Runtime runtime = Runtime.getRuntime();
        long peakHeap = 0;
        int peakWorking = 0;
        int peakLongTerm = 0;
        long measuredWallNanos = 0;
        int total = warmupFrames + measuredFrames;
        for (int frameIndex = 0; frameIndex < total; frameIndex++) {
            Map<String, Long> frameNanos = new LinkedHashMap<>();
            long start = System.nanoTime();
            Optional<Rgb8> next = film.next();
            long decoded = System.nanoTime();
            if (next.isEmpty()) {
                throw new IOException("the film ends after " + frameIndex + " frames; the benchmark needs "
                        + total + " (" + warmupFrames + " warm-up + " + measuredFrames + " measured)");
            }
            Rgb8 frame = next.get();
            frameNanos.put(DECODE, decoded - start);
            if (fullMemory != null && frameIndex > 0) {
                long fillStart = System.nanoTime();
                fullMemory.fill(colorizer, frameIndex);
                start += System.nanoTime() - fillStart;
            }
            if (frame.width() != width || frame.height() != height) {
                long t = System.nanoTime();
                frame = new Rgb8(width, height, Resampler.bilinearRgb8(frame.rgb(), frame.width(), frame.height(), width, height));
                frameNanos.put(SCALE, System.nanoTime() - t);
            }

            FramePipeline pipeline = new FramePipeline(colorizer, (stage, stageNanos) -> frameNanos.put(stageName(stage), stageNanos));
            byte[] rgb;
            if (frameIndex == 0) {
                long t = System.nanoTime();
                LabImage lab = CieLab.fromRgb8(frame.rgb(), frame.width(), frame.height());
                frameNanos.put(TO_LAB, System.nanoTime() - t);
                colorizer.beginSequence(List.of(lab), true);
                rgb = pipeline.colorizeRgb8(lab.lightness(), frame.rgb());
            } else {
                rgb = pipeline.colorizeRgb8(frame.rgb(), frame.width(), frame.height());
            }
            long colorizeNanos = frameNanos.remove(COLORIZE);
            long attributed = 0;
            for (Map.Entry<String, Long> stage : colorizer.lastFrameTimings().nanosByStage().entrySet()) {
                frameNanos.merge(stage.getKey(), stage.getValue(), Long::sum);
                attributed += stage.getValue();
            }
            frameNanos.put(COLORIZE_UNATTRIBUTED, Math.max(0, colorizeNanos - attributed));
            frameNanos.put(TO_RGB, frameNanos.remove(TO_RGB));

            long t = System.nanoTime();
            sink.write(new Rgb8(frame.width(), frame.height(), rgb));
            long end = System.nanoTime();
            frameNanos.put(ENCODE, end - t);
            frameNanos.put(FRAME, end - start);

            peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
            MemoryStats memory = colorizer.memoryStats();
            peakWorking = Math.max(peakWorking, memory.workingElements());
            peakLongTerm = Math.max(peakLongTerm, memory.longTermElements());
            framesDone.accept(frameIndex + 1);
            if (frameIndex >= warmupFrames) {
                int m = frameIndex - warmupFrames;
                measuredWallNanos += end - start;
                for (Map.Entry<String, Long> stage : frameNanos.entrySet()) {
                    nanos.computeIfAbsent(stage.getKey(), k -> new long[measuredFrames])[m] = stage.getValue();
                }
            }
        }
        List<StageFigure> stages = new ArrayList<>();
        for (Map.Entry<String, long[]> stage : orderedStages(nanos).entrySet()) {
            stages.add(figure(stage.getKey(), stage.getValue()));
        }
        double fps = measuredFrames / (measuredWallNanos / 1e9);
        return new BenchReport(width, height, warmupFrames, measuredFrames, stages, fps,
                ProcessMemory.peakResidentBytes().orElse(-1), peakHeap, runtime.maxMemory(),
                peakWorking, peakLongTerm, colorizer.memoryStats(), settings);
    }

    private static String stageName(FramePipeline.Stage stage) {
        return switch (stage) {
            case TO_LAB -> TO_LAB;
            case COLORIZE -> COLORIZE;
            case TO_RGB -> TO_RGB;
        };
    }

    private static Map<String, long[]> orderedStages(Map<String, long[]> nanos) {
        Map<String, long[]> ordered = new LinkedHashMap<>();
        ordered.put(DECODE, nanos.get(DECODE));
        if (nanos.containsKey(SCALE)) {
            ordered.put(SCALE, nanos.get(SCALE));
        }
        ordered.put(TO_LAB, nanos.get(TO_LAB));
        nanos.forEach((stage, values) -> {
            if (!List.of(DECODE, SCALE, TO_LAB, COLORIZE_UNATTRIBUTED, TO_RGB, ENCODE, FRAME).contains(stage)) {
                ordered.put(stage, values);
            }
        });
        for (String stage : List.of(COLORIZE_UNATTRIBUTED, TO_RGB, ENCODE, FRAME)) {
            ordered.put(stage, nanos.get(stage));
        }
        return ordered;
    }

    static StageFigure figure(String stage, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new StageFigure(stage, median / 1e6, mean / 1e6, sorted[n - 1] / 1e6);
    }
}
