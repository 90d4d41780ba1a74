package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.provenance.ProvenanceRecord;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code nitrate colorize FILM --exemplar IMAGE[@FRAME][:FIT] ... -o OUT}: renders a colorized film. */
@Command(name = "colorize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Colorize a film from colour reference images.",
            "Resumable: run the same command again after an interruption and it continues where it stopped."})
final class ColorizeCommand implements Callable<Integer> {

    @Mixin
    RenderOptions render = new RenderOptions();

    @Option(names = "--confidence", paramLabel = "DIR", description = "Also write the colorizer's per-pixel confidence: a new folder "
            + "of 16-bit grayscale PNGs, one per frame (65535 = sure; the built-in pack).")
    Path confidence;

    @Option(names = "--confidence-overlay", description = "With --confidence: also a review copy of every frame in that folder, "
            + "its low-confidence pixels hatched in magenta (overlay_NNNNNN.png).")
    boolean confidenceOverlay;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ColorizerProvider engine;

    ColorizeCommand(ColorizerProvider engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        render.common.apply();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        RenderRequest request;
        ColorizerFactory factory;
        try {
            request = withConfidence(render.request());
            factory = engine.factory();
        } catch (IllegalArgumentException | ColorizerProvider.MissingEngineException e) {
            return CommandResult.failure(e.getMessage(), e).exit(err, render.common.verbose);
        }
        RenderRunner runner = new RenderRunner(err, request.inference().device());
        List<String> commandLine = new ArrayList<>(List.of("nitrate"));
        commandLine.addAll(spec.root().commandLine().getParseResult().originalArgs());
        RenderJob job = new RenderJob(request, factory, runner.listener(), ProvenanceRecord.Origin.commandLine(commandLine));
        return runner.run(job, outcome -> {
            RenderOutcome.Completed done = (RenderOutcome.Completed) outcome;
            out.printf(Locale.ROOT, "wrote %s (%d frames)%n", done.output(), done.frames());
            out.flush();
            return new CommandResult.Success();
        }, render.common.verbose);
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

    private RenderRequest withConfidence(RenderRequest r) {
        return confidence == null && !confidenceOverlay ? r : r.withConfidence(Optional.ofNullable(confidence), confidenceOverlay);
    }
}
