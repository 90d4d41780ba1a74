package dev.nitrate.engine.colormnet;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the engine on a pack with a full memory: frames with the memory primed to
 * {@code workingFrames} frames of working memory and {@code longTermElements} long-term elements,
 * timed per stage, split into the three networks and everything else.
 *
 * <p>The command line runs with ColorMNet's memory parameters (top-k 30, mem_every 5, mid-term 5..10
 * frames, 128 prototypes, 10,000 long-term elements) whatever the pack says, so that small test
 * packs measure the same workload.
 *
 * <pre>java -cp target/classes:target/lib/* dev.nitrate.engine.colormnet.EngineBenchmark PACK_DIR [WIDTH HEIGHT FRAMES THREADS]</pre>
 */
public final class EngineBenchmark {

    /** The three network graphs; everything else is engine overhead. */
    public static final Set<String> NETWORK_STAGES = Set.of("key_encoder", "value_encoder", "decoder");

    /** Mean time per stage over the measured frames, in seconds, and the overhead share. */
    public record Result(String label, int frames, Map<String, Double> secondsByStage) {

        public double totalSeconds() {
            return secondsByStage.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        public double networkSeconds() {
            return secondsByStage.entrySet().stream().filter(e -> NETWORK_STAGES.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** Share of the frame time outside the three networks. */
        public double overheadShare() {
            return 1 - networkSeconds() / totalSeconds();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s (%d frames): %.3f s/frame, outside the networks %.1f%%",
                    label, frames, totalSeconds(), 100 * overheadShare()));
            secondsByStage.forEach((k, v) -> s.append(String.format(Locale.ROOT, "%n  %-16s %8.3f s", k, v)));
            return s.toString();
        }
    }

    private EngineBenchmark() {}

    /**
     * Runs {@code frames} ordinary frames and {@code frames} memory frames, each with the memory primed full first.
     */
    public static List<Result> run(PackLocation pack, InferenceOptions options, int width, int height, int frames,
            int workingFrames, int longTermElements) throws Exception {
        List<Result> results = new ArrayList<>();
        try (PackColorizer colorizer = new PackColorizerFactory().openPack(pack, options, width, height)) {
            System.out.println("device " + colorizer.device() + (colorizer.fallbackReason() != null ? " (" + colorizer.fallbackReason() + ")" : "")
                    + ", padded " + colorizer.geometry().paddedWidth() + "x" + colorizer.geometry().paddedHeight()
                    + ", " + colorizer.geometry().gridElements() + " elements per frame");
            colorizer.beginSequence(List.of(syntheticExemplar(width, height)), true);
            colorizer.colorize(syntheticFrame(0, width, height));
            int memEvery = colorizer.memoryParameters().memEvery();
            List<StageTimings> ordinary = new ArrayList<>();
            List<StageTimings> memory = new ArrayList<>();
            int t = 1;
            while (ordinary.size() < frames || memory.size() < frames) {
                colorizer.memoryBank().fillForBenchmark(t, workingFrames, longTermElements);
                long cpuBefore = processCpuNanos();
                long wallBefore = System.nanoTime();
                colorizer.colorize(syntheticFrame(t, width, height));
                long cpu = processCpuNanos() - cpuBefore;
                long wall = System.nanoTime() - wallBefore;
                boolean memoryFrame = t % memEvery == 0;
                List<StageTimings> bucket = memoryFrame ? memory : ordinary;
                if (bucket.size() < frames) {
                    bucket.add(colorizer.lastFrameTimings());
                    if (cpuBefore >= 0) {
                        System.out.printf(Locale.ROOT, "frame %d (%s): wall %.2f s, process CPU %.2f s%n", t,
                                memoryFrame ? "memory" : "ordinary", wall / 1e9, cpu / 1e9);
                    }
                }
                t++;
            }
            System.out.println("memory when measured: " + colorizer.memoryStats());
            Result plain = mean("ordinary frame", ordinary);
            Result stored = mean("memory frame", memory);
            results.add(plain);
            results.add(stored);
            Map<String, Double> cycle = new LinkedHashMap<>();
            for (String stage : union(plain, stored)) {
                cycle.put(stage, ((memEvery - 1) * plain.secondsByStage().getOrDefault(stage, 0.0)
                        + stored.secondsByStage().getOrDefault(stage, 0.0)) / memEvery);
            }
            results.add(new Result("mean over a mem_every = " + memEvery + " cycle", frames, cycle));
        }
        return results;
    }

    /** CPU time of the whole process (all threads, native ones included) from /proc, or -1 where there is none. */
    static long processCpuNanos() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<String> union(Result a, Result b) {
        List<String> stages = new ArrayList<>(a.secondsByStage().keySet());
        b.secondsByStage().keySet().stream().filter(s -> !stages.contains(s)).forEach(stages::add);
        return stages;
    }

    private static Result mean(String label, List<StageTimings> timings) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (StageTimings st : timings) {
            st.nanosByStage().forEach((k, v) -> sums.merge(k, v / 1e9, Double::sum));
        }
        sums.replaceAll((k, v) -> v / timings.size());
        return new Result(label, timings.size(), sums);
    }

    static FloatPlane syntheticFrame(int t, int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (float) (50 + 35 * Math.sin(0.031 * (x + 3 * t)) * Math.cos(0.023 * y - 0.02 * t));
            }
        }
        return new FloatPlane(w, h, v);
    }

    static LabImage syntheticExemplar(int w, int h) {
        float[] a = new float[w * h];
        float[] b = new float[w * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (25 * Math.sin(i * 0.001));
            b[i] = (float) (20 * Math.cos(i * 0.0007));
        }
        return new LabImage(syntheticFrame(0, w, h), new FloatPlane(w, h, a), new FloatPlane(w, h, b));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EngineBenchmark PACK_DIR [WIDTH HEIGHT FRAMES THREADS]");
            System.exit(2);
        }
        PackLocation pack = new PackLocation.Folder(Path.of(args[0]));
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 854;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 480;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        var colorMNetMemory = new InferenceOptions.MemoryOverrides(30, 5, 5, 10, 128, 10_000);
        for (Result r : run(pack, new InferenceOptions(ComputeDevice.CPU, threads, colorMNetMemory), width, height, frames, 10, 10_000)) {
            System.out.println(r);
        }
    }
}
