package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.OutputSpec;
import dev.nitrate.engine.render.Progress;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.video.VideoEncodeSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code nitrate colorize FILM --exemplar IMAGE[@FRAME][:FIT] ... -o OUT}: renders a colorized film. */
@Command(name = "colorize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Colorize a film from colour reference images.",
            "Resumable: run the same command again after an interruption and it continues where it stopped."})
final class ColorizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILM", description = "A video file, a folder of images or a printf pattern.")
    Path film;

    @Option(names = {"-e", "--exemplar"}, required = true, paramLabel = "IMAGE[@FRAME][:FIT]",
            description = {"A colour reference, pinned to a frame (default: the first rendered frame), with its own fit",
                "(stretch, crop or pad; default: --fit). Repeat for several, e.g. -e wide.png@0:crop -e still.png@240:pad."})
    List<String> exemplars;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "A new .mp4/.mov/.mkv file, or a new folder for PNG/TIFF frames (see --overwrite).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "h264, h265 (8-bit), h265-10 (10-bit), ffv1 (lossless, the source's depth up to 16 bits; .mkv or .mov), png or tiff "
            + "(default: from OUT: h264 for a video name, else png). A format with fewer bits than the film says so.")
    String format;

    @Option(names = "--pack", paramLabel = "DIR", description = "Model pack folder (default: the built-in pack).")
    Path pack;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", description = "cpu, cuda or cuda:N (falls back to the CPU when CUDA cannot load).")
    String device;

    @Option(names = "--frames", paramLabel = "A-B", description = "Render only frames A to B (inclusive, from 0).")
    String frames;

    @Option(names = "--crf", paramLabel = "N", defaultValue = "" + VideoEncodeSettings.DEFAULT_CRF, description = "Video quality, 0-51, lower is better (default: ${DEFAULT-VALUE}).")
    int crf;

    @Option(names = "--luma-lock", description = "Keep the source's luma exactly (video is then encoded losslessly).")
    boolean lumaLock;

    @Option(names = "--no-audio", description = "Leave the film's audio out of a video output (by default it is copied unchanged).")
    boolean noAudio;

    @Option(names = "--fit", paramLabel = "FIT", defaultValue = "stretch", description = "How exemplars without their own :FIT fit the frame: stretch, crop or pad (default: ${DEFAULT-VALUE}).")
    String fit;

    @Option(names = "--exemplar-is-frame", description = {"Treat each exemplar as the colour version of the frame it is pinned to, as",
        "ColorMNet's release does (that frame takes the exemplar's colour and starts a new sequence);",
        "by default an exemplar is a separate reference picture."})
    boolean exemplarIsFrame;

    @Option(names = "--preset", paramLabel = "PRESET", defaultValue = VideoEncodeSettings.DEFAULT_PRESET, description = "x264/x265 speed preset (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--overwrite", description = {"Replace OUT if it exists: a file, or a folder of frames Nitrate wrote.",
        "Never a folder holding anything else, and never an input."})
    boolean overwrite;

    @Option(names = "--segment-frames", paramLabel = "N", defaultValue = "" + RenderRequest.DEFAULT_SEGMENT_FRAMES, hidden = true)
    int segmentFrames;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    ColorizeCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        common.apply();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        RenderRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, common.verbose);
        }
        ColorizerFactory factory;
        try {
            factory = engine.factory();
        } catch (ColorizerProvider.MissingEngineException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, common.verbose);
        }
        ProgressBar bar = new ProgressBar(err, "");
        RenderListener listener = new RenderListener() {
            private Progress.Phase phase;

            @Override
            public void progress(Progress progress) {
                if (phase != progress.phase()) {
                    bar.finish();
                    phase = progress.phase();
                }
                if (progress.phase() != Progress.Phase.ASSEMBLING) {
                    bar.relabel(progress.phase().label());
                    bar.update(progress.done(), progress.total(), progress.framesPerSecond(), progress.eta());
                }
            }

            @Override
            public void engineOpened(String deviceDescription, PackLocation pack) {
                bar.finish();
                err.println(engineLine(request.inference().device(), deviceDescription, pack));
                err.flush();
            }

            @Override
            public void warning(String message) {
                bar.finish();
                err.println("nitrate: warning: " + message);
                err.flush();
            }
        };
        RenderJob job = new RenderJob(request, factory, listener);
        CountDownLatch finished = new CountDownLatch(1);
        Thread cancelOnInterrupt = new Thread(() -> {
            job.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nitrate-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            return report(job.run(), bar, out, err);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: it cancelled the job and waits for this report
            }
        }
    }

    private int report(RenderOutcome outcome, ProgressBar bar, PrintWriter out, PrintWriter err) {
        bar.finish();
        CommandResult result;
        if (outcome instanceof RenderOutcome.Completed done) {
            out.printf(Locale.ROOT, "wrote %s (%d frames)%n", done.output(), done.frames());
            out.flush();
            result = new CommandResult.Success();
        } else if (outcome instanceof RenderOutcome.Cancelled cancelled) {
            result = new CommandResult.Cancelled("cancelled after " + cancelled.framesDone() + " frames; run the same command again to resume");
        } else {
            RenderOutcome.Failed failed = (RenderOutcome.Failed) outcome;
            result = new CommandResult.Failure(failed.message(), failed.cause());
        }
        return result.exit(err, common.verbose);
    }

    /**
     * The one line that says which pack and device render: a warning when the device is not the one asked for
     * (CUDA that could not load), with the engine's reason, on one line.
     */
    static String engineLine(ComputeDevice requested, String deviceDescription, PackLocation pack) {
        String device = deviceDescription.replaceAll("\\s+", " ").trim();
        boolean fellBack = requested instanceof ComputeDevice.Cuda && !device.startsWith(requested.toString());
        if (fellBack) {
            return "nitrate: warning: " + requested + " was asked for but the render runs on " + device + "; pack " + pack;
        }
        return "nitrate: device " + device + ", pack " + pack;
    }

    private RenderRequest request() {
        OutputFormat outputFormat = format == null ? OutputFormat.impliedBy(output) : OutputFormat.parse(format);
        ExemplarFit exemplarFit;
        try {
            exemplarFit = ExemplarFit.valueOf(fit.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a fit: '" + fit + "' (use stretch, crop or pad)");
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("--crf " + crf + ": must be 0-51");
        }
        Optional<FrameRange> range = frames == null ? Optional.empty() : Optional.of(FrameRange.parse(frames));
        PackLocation packLocation = pack == null ? PackLocation.BUILTIN : new PackLocation.Folder(pack);
        InferenceOptions inference = engineOptions.inference(ComputeDevice.parse(device), 0);
        List<PinnedExemplar> pinned = exemplars.stream().map(PinnedExemplar::parse).toList();
        return new RenderRequest(film, common.openOptions(), pinned, exemplarFit, range,
                new OutputSpec(output, outputFormat, crf, lumaLock, preset, !noAudio, overwrite), packLocation, inference, segmentFrames, exemplarIsFrame);
    }
}
