package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.OutputSpec;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.video.VideoEncodeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The film, exemplars, output and every render option: what {@code colorize}, {@code plan} and {@code slurm} share. */
final class RenderOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILM", description = "A video file, a folder of images or a printf pattern.")
    Path film;

    @Option(names = {"-e", "--exemplar"}, paramLabel = "IMAGE[@FRAME][:FIT]",
            description = {"A colour reference, pinned to a frame (default: the first rendered frame), with its own fit",
                "(stretch, crop or pad; default: --fit). Repeat for several, e.g. -e wide.png@0:crop -e still.png@240:pad."})
    List<String> exemplars;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
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

    /** The request these options describe; an exception with one line when an option is wrong or -e/-o is missing. */
    RenderRequest request() {
        if (film == null) {
            throw new IllegalArgumentException("Missing required parameter: 'FILM'");
        }
        if (exemplars == null || exemplars.isEmpty()) {
            throw new IllegalArgumentException("Missing required option: '--exemplar=IMAGE[@FRAME][:FIT]'");
        }
        if (output == null) {
            throw new IllegalArgumentException("Missing required option: '--output=OUT'");
        }
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
