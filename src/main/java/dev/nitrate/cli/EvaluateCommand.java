package dev.nitrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.confidence.ConfidenceCorrelation;
import dev.nitrate.engine.metrics.SuggestionExperiment;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.Exemplars;
import dev.nitrate.engine.metrics.EvaluationExemplar;
import dev.nitrate.engine.metrics.EvaluationReport;
import dev.nitrate.engine.metrics.FilmFrames;
import dev.nitrate.engine.metrics.MethodEvaluation;
import dev.nitrate.engine.metrics.ProtocolEvaluation;
import dev.nitrate.engine.metrics.QualityFigures;
import dev.nitrate.engine.metrics.Shot;
import dev.nitrate.engine.video.MediaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nitrate evaluate}: scores the model on a colour clip under the standard protocol, beside the trivial baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Colorizes the grayscale version of a colour CLIP (exemplar: its colour frame 0) and compares the result",
            "with the original: PSNR, SSIM, CDC, colourfulness, CIEDE2000 and luma drift, per clip and per shot,",
            "beside the gray and static baselines."})
public final class EvaluateCommand implements Callable<Integer> {

    static final int FAILED = 1;

    @Parameters(index = "0", paramLabel = "CLIP", description = "Colour clip (any format FFmpeg reads, or an image pattern like dir/%%05d.png).")
    Path clip;

    @Option(names = "--pack", paramLabel = "DIR", description = "Model pack folder (default: the built-in pack).")
    Path pack;

    @Option(names = "--exemplar", paramLabel = "frame0|IMAGE", defaultValue = "frame0",
            description = "frame0 (the standard protocol) or a colour image file (default: ${DEFAULT-VALUE}).")
    String exemplar;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "0", description = "Evaluate only the first N frames (default: all).")
    int maxFrames;

    @Option(names = "--baselines-only", description = "Score only the gray and static baselines (no model).")
    boolean baselinesOnly;

    @Option(names = "--device", paramLabel = "cpu|cuda[:N]", defaultValue = "cpu", description = "Where the networks run (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Threads per network run; 0 lets ONNX Runtime choose.")
    int threads;

    @Option(names = "--suggestion-experiment", hidden = true,
            description = "Instead of the figures: the exemplar-suggestion experiment (docs/confidence.md).")
    boolean suggestionExperiment;

    @Option(names = "--min-gap", hidden = true, paramLabel = "FRAMES", defaultValue = "" + SuggestCommand.DEFAULT_MIN_GAP,
            description = "The suggestion experiment's minimum gap between an exemplar and a suggestion.")
    int minGap;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Spec
    CommandSpec spec;

    private final FactorySource factories;

    /** How the command gets the engine; tests give their own. */
    @FunctionalInterface
    interface FactorySource {
        ColorizerFactory get() throws PackException;
    }

    public EvaluateCommand() {
        this(factories(ColorizerProvider.engine()));
    }

    /** The engine the command line is composed with, its failure to start reported as a {@link PackException}. */
    static FactorySource factories(ColorizerProvider engine) {
        return () -> {
            try {
                return engine.factory();
            } catch (ColorizerProvider.MissingEngineException e) {
                throw new PackException(e.getMessage(), e);
            }
        };
    }

    EvaluateCommand(FactorySource factories) {
        this.factories = factories;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxFrames < 0 || threads < 0) {
            err.println("evaluate: --max-frames and --threads must be >= 0");
            return FAILED;
        }
        common.apply();
        try (FilmFrames reader = FilmFrames.open(clip, common.openOptions(), 0, 0)) {
            EvaluationExemplar chosen = exemplar.equals("frame0")
                    ? EvaluationExemplar.FIRST_FRAME
                    : new EvaluationExemplar.Image(exemplar, Exemplars.fit(Exemplars.load(Path.of(exemplar)),
                            reader.width(), reader.height(), ExemplarFit.STRETCH));
            PackLocation location = pack == null ? PackLocation.BUILTIN : new PackLocation.Folder(pack);
            InferenceOptions options = engineOptions.inference(ComputeDevice.parse(device), threads);
            ProtocolEvaluation evaluation = new ProtocolEvaluation();
            EvaluationReport report;
            if (suggestionExperiment) {
                try (FrameColorizer colorizer = factories.get().open(location, options, reader.width(), reader.height())) {
                    SuggestionExperiment.Outcome outcome = new SuggestionExperiment(
                            () -> FilmFrames.open(clip, common.openOptions(), 0, 0), colorizer, maxFrames, minGap,
                            done -> progress(err, done)).run();
                    err.print("\r            \r");
                    out.println(experimentLine(clip.getFileName().toString(), outcome));
                    out.flush();
                    return 0;
                }
            }
            if (baselinesOnly) {
                report = evaluation.evaluate(reader, Optional.empty(), chosen, maxFrames, done -> {});
            } else {
                try (FrameColorizer colorizer = factories.get().open(location, options, reader.width(), reader.height())) {
                    report = evaluation.evaluate(reader, Optional.of(colorizer), chosen, maxFrames,
                            done -> progress(err, done));
                    err.print("\r            \r");
                    err.flush();
                }
            }
            String packName = baselinesOnly ? "none (baselines only)" : location.toString();
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(new JsonOutput(clip.toString(), packName, options.device().toString(),
                        threads, report)));
            } else {
                out.print(format(clip.toString(), packName, options, report));
            }
            out.flush();
            return 0;
        } catch (IOException | ColorizeException | PackException | MediaException | IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return FAILED;
        }
    }

    private static void progress(PrintWriter err, int done) {
        if (done % 10 == 0) {
            err.print("\rframe " + done);
            err.flush();
        }
    }

    /** The JSON document {@code --json} prints. */
    record JsonOutput(String clip, String pack, String device, int threads, EvaluationReport evaluation) {}

    static String format(String clipName, String packName, InferenceOptions options, EvaluationReport report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Clip      %s (%dx%d, %d frames, %d shot%s)%n", clipName, report.width(),
                report.height(), report.frames(), report.shots().size(), report.shots().size() == 1 ? "" : "s"));
        s.append(String.format(Locale.ROOT, "Exemplar  %s%n", report.exemplar()));
        s.append(String.format(Locale.ROOT, "Pack      %s   device %s, threads %s%n", packName, options.device(),
                options.intraOpThreads() == 0 ? "auto" : String.valueOf(options.intraOpThreads())));
        if (report.colorizeSecondsPerFrame() > 0) {
            s.append(String.format(Locale.ROOT, "Colorize  %.3f s/frame%n", report.colorizeSecondsPerFrame()));
        }
        s.append(String.format(Locale.ROOT, "%nWhole clip (frames 0-%d)%n", report.frames() - 1));
        table(s, report, -1);
        if (report.shots().size() > 1) {
            for (Shot shot : report.shots()) {
                s.append(String.format(Locale.ROOT, "%nShot %d (frames %d-%d)%n", shot.index() + 1, shot.first(), shot.last()));
                table(s, report, shot.index());
            }
        }
        if (report.confidence() != null) {
            ConfidenceCorrelation.Correlations c = report.confidence();
            s.append(String.format(Locale.ROOT, "%nConfidence (frames 1-%d, %d pixels sampled): Spearman pixel confidence vs |dab| %.3f,"
                    + " frame score vs PSNR %.3f%n", report.frames() - 1, c.pixels(), c.pixelConfidenceVsError(), c.frameScoreVsPsnr()));
        }
        s.append(String.format(Locale.ROOT, "%nPSNR over 8-bit RGB averaged over frames; SSIM 7x7 uniform; CDC lower is steadier;"
                + "%ncolourfulness Hasler-Suesstrunk (GT = original); dE00 mean CIEDE2000; luma drift in 8-bit codes.%n"));
        return s.toString();
    }

    /** One row of the suggestion experiment's table. */
    static String experimentLine(String clipName, SuggestionExperiment.Outcome o) {
        ConfidenceCorrelation.Correlations c = o.correlations();
        return String.format(Locale.ROOT, "%-12s frames %4d  rho(pixel conf, |dab|) %6.3f  rho(frame score, PSNR) %6.3f  "
                + "PSNR frame0 %7.3f  +suggested %4d %7.3f  +middle %4d %7.3f  gain %+6.3f dB", clipName, o.frames(),
                c.pixelConfidenceVsError(), c.frameScoreVsPsnr(), o.basePsnr(), o.suggested(), o.suggestedPsnr(), o.uniform(),
                o.uniformPsnr(), o.suggestedPsnr() - o.uniformPsnr());
    }

    private static void table(StringBuilder s, EvaluationReport report, int shotIndex) {
        s.append(String.format(Locale.ROOT, "  %-7s %7s %8s %9s %8s %8s %7s %9s %9s%n", "method", "PSNR dB", "SSIM", "CDC",
                "colourf", "GT", "dE00", "luma max", "luma mean"));
        for (MethodEvaluation method : report.methods()) {
            QualityFigures f = shotIndex < 0 ? method.clip() : method.shots().get(shotIndex);
            s.append(String.format(Locale.ROOT, "  %-7s %7.3f %8.4f %9.6f %8.2f %8.2f %7.3f %9.1f %9.3f%n", method.method(),
                    f.psnr(), f.ssim(), f.cdc(), f.colourfulness(), f.colourfulnessGroundTruth(), f.meanCiede2000(),
                    f.maxLumaDrift(), f.meanLumaDrift()));
        }
    }
}
