package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.video.FilmOpenOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a render needs; two equal requests produce identical outputs.
 *
 * @param film the film (video file, image folder or printf pattern)
 * @param openOptions how to open it (frame rate of image sequences)
 * @param exemplars colour references with the frames they are pinned to
 * @param fit how exemplars are fitted to the frame, unless an exemplar has its own fit
 * @param frames the frames to render, or empty for the whole film
 * @param output where and how to write
 * @param pack the model pack
 * @param inference device and threads
 * @param segmentFrames frames per spool segment: the unit of resumption and of checkpoints
 * @param exemplarIsFrame whether an exemplar is the colour version of the frame it is pinned to (the official
 *     release's default; {@code --exemplar-is-frame}) rather than a separate reference (the default)
 * @param confidence a new folder for the colorizer's per-pixel confidence, one 16-bit grayscale PNG per frame
 *     (65535 = 1), or empty for none
 * @param confidenceOverlay whether that folder also gets a review copy of every frame, its low-confidence pixels
 *     hatched ({@code overlay_NNNNNN.png}, docs/confidence.md)
 */
public record RenderRequest(
        Path film,
        FilmOpenOptions openOptions,
        List<PinnedExemplar> exemplars,
        ExemplarFit fit,
        Optional<FrameRange> frames,
        OutputSpec output,
        PackLocation pack,
        InferenceOptions inference,
        int segmentFrames,
        boolean exemplarIsFrame,
        Optional<Path> confidence,
        boolean confidenceOverlay) {

    public static final int DEFAULT_SEGMENT_FRAMES = 120;

    public RenderRequest {
        Objects.requireNonNull(film, "film");
        Objects.requireNonNull(openOptions, "openOptions");
        exemplars = List.copyOf(exemplars);
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(confidence, "confidence");
        if (confidenceOverlay && confidence.isEmpty()) {
            throw new IllegalArgumentException("a confidence overlay needs a confidence folder (--confidence DIR)");
        }
        if (exemplars.isEmpty()) {
            throw new IllegalArgumentException("at least one exemplar is needed");
        }
        if (segmentFrames < 1) {
            throw new IllegalArgumentException("segment length must be >= 1");
        }
    }

    /** A request whose exemplars are separate references (the default mode). */
    public RenderRequest(Path film, FilmOpenOptions openOptions, List<PinnedExemplar> exemplars, ExemplarFit fit,
            Optional<FrameRange> frames, OutputSpec output, PackLocation pack, InferenceOptions inference, int segmentFrames) {
        this(film, openOptions, exemplars, fit, frames, output, pack, inference, segmentFrames, false);
    }

    /** A request without a confidence output. */
    public RenderRequest(Path film, FilmOpenOptions openOptions, List<PinnedExemplar> exemplars, ExemplarFit fit,
            Optional<FrameRange> frames, OutputSpec output, PackLocation pack, InferenceOptions inference, int segmentFrames,
            boolean exemplarIsFrame) {
        this(film, openOptions, exemplars, fit, frames, output, pack, inference, segmentFrames, exemplarIsFrame, Optional.empty());
    }

    /** A request without a confidence overlay. */
    public RenderRequest(Path film, FilmOpenOptions openOptions, List<PinnedExemplar> exemplars, ExemplarFit fit,
            Optional<FrameRange> frames, OutputSpec output, PackLocation pack, InferenceOptions inference, int segmentFrames,
            boolean exemplarIsFrame, Optional<Path> confidence) {
        this(film, openOptions, exemplars, fit, frames, output, pack, inference, segmentFrames, exemplarIsFrame, confidence, false);
    }

    /** This request, also writing the colorizer's per-pixel confidence into {@code folder}. */
    public RenderRequest withConfidence(Path folder) {
        return withConfidence(Optional.of(folder), false);
    }

    /**
     * This request with the given confidence folder and, when {@code overlay}, a review copy of every frame there.
     *
     * @throws IllegalArgumentException when an overlay is asked for without a folder
     */
    public RenderRequest withConfidence(Optional<Path> folder, boolean overlay) {
        return new RenderRequest(film, openOptions, exemplars, fit, frames, output, pack, inference, segmentFrames, exemplarIsFrame,
                folder, overlay);
    }
}
