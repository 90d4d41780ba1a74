package dev.nitrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nitrate.engine.bench.BenchReport;
import dev.nitrate.engine.bench.EncodedVideoSink;
import dev.nitrate.engine.bench.MachineDescription;
import dev.nitrate.engine.bench.PipelineBenchmark;
import dev.nitrate.engine.bench.StageFigure;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colormnet.BenchmarkMemory;
import dev.nitrate.engine.metrics.FilmFrames;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.safety.ProtectedInput;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.engine.video.VideoEncodeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nitrate bench}: time per stage per frame of the whole render path, memory use and memory-bank sizes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Colorizes the first frames of FILM (frame 0 as the exemplar) and reports the median time per frame of",
            "each stage (decode, colour conversion, the networks, memory readout, local attention, Java bookkeeping,",
            "encode), frames per second, peak RSS and Java heap, and the memory-bank sizes."})
public final class BenchCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");

    @Parameters(index = "0", paramLabel = "FILM", description = "Film to read (any format FFmpeg reads).")
    Path film;

    @Option(names = "--pack", paramLabel = "DIR", description = "Model pack folder (default: the built-in pack).")
    Path pack;

    @Option(names = "--size", paramLabel = "WxH", description = "Scale frames to this size first (default: the film's).")
    String size;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "20", description = "Frames to measure (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Frames to run before measuring, frame 0 included (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--device", paramLabel = "cpu|cuda[:N]", defaultValue = "cpu", description = "Where the networks run (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Threads per network run; 0 lets ONNX Runtime choose.")
    int threads;

    @Option(names = "--fill-memory", description = {"Before every frame after the first, fill the memory bank with random elements up to",
        "ColorMNet's full memory (10 working frames, 10,000 long-term elements): a long film's memory in a few frames."})
    boolean fillMemory;

    @Option(names = "--mem-every", paramLabel = "N", description = "Store a memory frame every N frames instead of the pack's mem_every "
            + "(with --fill-memory, 2 reaches a memory frame and its consolidation after two frames).")
    Integer memEvery;

    @Option(names = "--output", paramLabel = "FILE", description = "Keep the encoded result here (default: a temporary file, deleted).")
    Path output;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Spec
    CommandSpec spec;

    private final EvaluateCommand.FactorySource factories;

    public BenchCommand() {
        this(EvaluateCommand.factories(ColorizerProvider.engine()));
    }

    BenchCommand(EvaluateCommand.FactorySource factories) {
        this.factories = factories;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int width = 0;
        int height = 0;
        if (size != null) {
            Matcher m = SIZE.matcher(size);
            if (!m.matches() || Integer.parseInt(m.group(1)) <= 0 || Integer.parseInt(m.group(2)) <= 0) {
                err.println("bench: --size must look like 854x480, got '" + size + "'");
                return EvaluateCommand.FAILED;
            }
            width = Integer.parseInt(m.group(1));
            height = Integer.parseInt(m.group(2));
        }
        if (frames < 1 || warmup < 1 || threads < 0 || (memEvery != null && memEvery < 1)) {
            err.println("bench: --frames, --warmup and --mem-every must be >= 1, --threads >= 0");
            return EvaluateCommand.FAILED;
        }
        OutputGuard guard = null;
        if (output != null) {
            try {
                List<ProtectedInput> inputs = new ArrayList<>(List.of(ProtectedInput.file(film, "the film")));
                if (pack != null) {
                    inputs.add(ProtectedInput.folder(pack, "the model pack"));
                }
                guard = OutputGuard.claim(output, OutputGuard.Shape.FILE, false, inputs);
            } catch (OutputRefusedException e) {
                err.println("bench: " + e.getMessage());
                return EvaluateCommand.FAILED;
            }
        }
        Path encoded = null;
        try {
            encoded = guard == null ? Files.createTempFile("nitrate-bench-", ".mp4") : guard.openWorkFolder().resolve(guard.assemblyFile().getFileName());
            PackLocation location = pack == null ? PackLocation.BUILTIN : new PackLocation.Folder(pack);
            InferenceOptions options = engineOptions.inference(ComputeDevice.parse(device), threads);
            if (memEvery != null) {
                options = new InferenceOptions(options.device(), options.intraOpThreads(),
                        new InferenceOptions.MemoryOverrides(null, memEvery, null, null, null, null), options.localAttention(),
                        options.ortSpinning(), options.readoutBudgetBytes(), options.modelMaxArea());
            }
            BenchReport report;
            common.apply();
            try (FilmFrames reader = FilmFrames.open(film, common.openOptions(), 0, 0)) {
                int benchWidth = width == 0 ? reader.width() : width;
                int benchHeight = height == 0 ? reader.height() : height;
                try (FrameColorizer colorizer = factories.get().open(location, options, benchWidth, benchHeight);
                        EncodedVideoSink writer = EncodedVideoSink.create(encoded, "mp4", new VideoEncodeSettings(VideoCodec.H264,
                                VideoEncodeSettings.DEFAULT_CRF, false, VideoEncodeSettings.DEFAULT_PRESET, benchWidth,
                                benchHeight, reader.info().frameRate()))) {
                    Map<String, String> settings = new LinkedHashMap<>();
                    settings.put("film", film.toString());
                    settings.put("pack", location.toString());
                    settings.put("device", options.device().toString());
                    settings.put("threads", threads == 0 ? "auto (ONNX Runtime default)" : String.valueOf(threads));
                    settings.put("encoder", VideoCodec.H264.encoderName() + " crf " + VideoEncodeSettings.DEFAULT_CRF + " preset "
                            + VideoEncodeSettings.DEFAULT_PRESET + ", yuv420p, mp4");
                    settings.put("memory", fillMemory ? "filled before every frame: " + BenchmarkMemory.COLORMNET_FULL : "as the film fills it");
                    settings.put("readout_budget_mib", String.valueOf(options.readoutBudgetBytes() >> 20));
                    if (options.modelMaxArea() != null) {
                        settings.put("model_max_area", String.valueOf(options.modelMaxArea()));
                    }
                    settings.putAll(MachineDescription.describe());
                    PipelineBenchmark benchmark = new PipelineBenchmark(warmup, frames);
                    if (fillMemory) {
                        benchmark = benchmark.withFullMemory(BenchmarkMemory.COLORMNET_FULL);
                    }
                    report = benchmark.run(reader, benchWidth, benchHeight, colorizer, writer, settings,
                            done -> {
                                err.print("\rframe " + done + " of " + (warmup + frames));
                                err.flush();
                            });
                    err.print("\r                    \r");
                }
            }
            if (guard != null) {
                guard.publishFile(encoded);
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                out.print(format(report));
            }
            out.flush();
            return 0;
        } catch (IOException | ColorizeException | PackException | IllegalArgumentException | OutputRefusedException e) {
            err.println("bench: " + e.getMessage());
            return EvaluateCommand.FAILED;
        } finally {
            try {
                if (guard != null) {
                    if (encoded != null && Files.exists(encoded)) {
                        guard.deleteWorkFile(encoded);
                    }
                    guard.removeWorkFolder();
                } else if (encoded != null) {
                    Files.deleteIfExists(encoded);
                }
            } catch (IOException e) {
                err.println("bench: could not delete " + encoded + ": " + e.getMessage());
            }
        }
    }

    static String format(BenchReport report) {
        StringBuilder s = new StringBuilder();
        Map<String, String> settings = report.settings();
        s.append(String.format(Locale.ROOT, "Film      %s at %dx%d, %d warm-up + %d measured frames%n",
                settings.get("film"), report.width(), report.height(), report.warmupFrames(), report.measuredFrames()));
        s.append(String.format(Locale.ROOT, "Pack      %s   device %s   threads %s%n", settings.get("pack"),
                settings.get("device"), settings.get("threads")));
        s.append(String.format(Locale.ROOT, "Machine   %s, %s cores; %s; %s%n", settings.get("cpu"), settings.get("cores"),
                settings.get("java"), settings.get("os")));
        s.append(String.format(Locale.ROOT, "Encoder   %s%n", settings.get("encoder")));
        s.append(String.format(Locale.ROOT, "Memory    %s; readout blocks of at most %s MiB%s%n%n", settings.get("memory"),
                settings.get("readout_budget_mib"), settings.containsKey("model_max_area")
                        ? "; networks at most " + settings.get("model_max_area") + " pixels" : ""));
        s.append(String.format(Locale.ROOT, "  %-16s %10s %10s %10s%n", "stage", "median ms", "mean ms", "max ms"));
        for (StageFigure stage : report.stages()) {
            s.append(String.format(Locale.ROOT, "  %-16s %10.2f %10.2f %10.2f%n", stage.stage(), stage.medianMillis(),
                    stage.meanMillis(), stage.maxMillis()));
        }
        s.append(String.format(Locale.ROOT, "%nFrames per second  %.3f%n", report.framesPerSecond()));
        s.append(String.format(Locale.ROOT, "Peak RSS           %s%n", report.peakResidentBytes() < 0 ? "unknown"
                : mebibytes(report.peakResidentBytes())));
        s.append(String.format(Locale.ROOT, "Java heap          peak %s in use of %s max%n", mebibytes(report.peakHeapUsedBytes()),
                mebibytes(report.maxHeapBytes())));
        MemoryStats m = report.finalMemory();
        s.append(String.format(Locale.ROOT, "Memory bank        working %d frames / %d elements (%d permanent), long-term %d;"
                + " peaks %d working, %d long-term; %d memory frames added, %d consolidations%n",
                m.workingFrames(), m.workingElements(), m.permanentElements(), m.longTermElements(),
                report.peakWorkingElements(), report.peakLongTermElements(), m.memoryFramesAdded(), m.consolidations()));
        return s.toString();
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
