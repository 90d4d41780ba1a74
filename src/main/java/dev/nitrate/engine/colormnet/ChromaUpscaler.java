package dev.nitrate.engine.colormnet;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.attention.Workers;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.onnx.OrtRuntime;
import dev.nitrate.engine.pack.PackManifest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Brings chroma from the network's (possibly downscaled) size to the frame's. Predicted chroma goes through
 * the pack's refiner graph, guided by the full-size lightness, when the pack has one, else through the
 * engine's {@link GuidedUpsampler} (edge-aware, guided by the same lightness); the exemplar frame's chroma is
 * resized. Nothing happens when the frame was not downscaled.
 */
final class ChromaUpscaler {

    /** Runs one of the pack's graphs as a timed, cancellable stage. */
    @FunctionalInterface
    interface Stage {
        OrtSession.Result run(Map<String, Long> timings, String stage, String graph, Map<String, ? extends OnnxTensorLike> inputs)
                throws OrtException, ColorizeException;
    }

    private final FrameGeometry geometry;
    private final PackManifest.Normalisation norm;
    private final boolean hasRefiner;
    private final Workers workers;
    private FloatBuffer refinerLightness;
    private FloatBuffer refinerAb;
    private float[] refinerScratch;

    ChromaUpscaler(FrameGeometry geometry, PackManifest.Normalisation norm, boolean hasRefiner, Workers workers) {
        this.geometry = geometry;
        this.norm = norm;
        this.hasRefiner = hasRefiner;
        this.workers = workers;
    }

    /** The exemplar's (or any non-predicted) chroma at frame size: a bilinear resize. */
    ChromaPlanes resize(ChromaPlanes chroma) {
        if (!geometry.downscaled()) {
            return chroma;
        }
        return new ChromaPlanes(Resampler.bilinear(chroma.a(), geometry.frameWidth(), geometry.frameHeight()),
                Resampler.bilinear(chroma.b(), geometry.frameWidth(), geometry.frameHeight()));
    }

    /** Predicted chroma at frame size: through the refiner when the pack has one, else resized. */
    ChromaPlanes upscale(FloatPlane fullLightness, ChromaPlanes small, Map<String, Long> timings, Stage stage)
            throws OrtException, ColorizeException {
        if (!geometry.downscaled()) {
            return small;
        }
        if (!hasRefiner) {
            long start = System.nanoTime();
            FloatPlane guide = Resampler.bilinear(fullLightness, small.width(), small.height());
            ChromaPlanes full = new ChromaPlanes(GuidedUpsampler.DEFAULT.upsample(guide, fullLightness, small.a()),
                    GuidedUpsampler.DEFAULT.upsample(guide, fullLightness, small.b()));
            timings.merge("chroma_upsample", System.nanoTime() - start, Long::sum);
            return full;
        }
        int w = geometry.frameWidth();
        int h = geometry.frameHeight();
        int full = w * h;
        if (refinerLightness == null) {
            refinerLightness = direct(full);
            refinerAb = direct(2 * small.width() * small.height());
            refinerScratch = new float[Math.max(full, 2 * small.width() * small.height())];
        }
        float[] src = fullLightness.values();
        float offset = norm.lightnessOffset();
        float inverseScale = 1f / norm.lightnessScale();
        float[] scratch = refinerScratch;
        workers.split(full, (from, to) -> {
            for (int i = from; i < to; i++) {
                scratch[i] = (src[i] - offset) * inverseScale;
            }
        });
        refinerLightness.clear();
        refinerLightness.put(scratch, 0, full);
        int nw = small.width();
        int nh = small.height();
        int smallPixels = nw * nh;
        float inverseChroma = 1f / norm.chromaScale();
        float[] sa = small.a().values();
        float[] sb = small.b().values();
        for (int i = 0; i < smallPixels; i++) {
            scratch[i] = sa[i] * inverseChroma;
            scratch[smallPixels + i] = sb[i] * inverseChroma;
        }
        refinerAb.clear();
        refinerAb.put(scratch, 0, 2 * smallPixels);
        var env = OrtRuntime.environment();
        try (OnnxTensor lt = GraphOutputs.tensor(env, refinerLightness, 1, 1, h, w);
                OnnxTensor abt = GraphOutputs.tensor(env, refinerAb, 1, 2, nh, nw);
                OrtSession.Result refined = stage.run(timings, "refiner", PackManifest.REFINER, Map.of("lightness", lt, "network_ab", abt))) {
            FloatBuffer ab = GraphOutputs.output(refined, "ab").getFloatBuffer();
            float[] a = new float[full];
            float[] b = new float[full];
            float chromaScale = norm.chromaScale();
            workers.split(full, (from, to) -> {
                FloatBuffer view = ab.duplicate();
                view.get(from, a, from, to - from);
                view.get(full + from, b, from, to - from);
                for (int i = from; i < to; i++) {
                    a[i] *= chromaScale;
                    b[i] *= chromaScale;
                }
            });
            return new ChromaPlanes(new FloatPlane(w, h, a), new FloatPlane(w, h, b));
        }
    }

    /**
     * A confidence given per memory-grid position ({@code gridHeight x gridWidth}, over the padded frame) at frame
     * size: resized bilinearly to the padded frame as the decoder resizes its logits, cropped like the chroma,
     * then brought to frame size as {@link #upscale} brings predicted chroma there without a refiner (the refiner
     * is a chroma graph: with one, a bilinear resize); clamped to [0, 1].
     */
    FloatPlane confidence(FloatPlane fullLightness, float[] grid) {
        if (grid.length != geometry.gridElements()) {
            throw new IllegalArgumentException("confidence has " + grid.length + " values for a " + geometry.gridWidth() + "x"
                    + geometry.gridHeight() + " memory grid");
        }
        FloatPlane padded = Resampler.bilinear(new FloatPlane(geometry.gridWidth(), geometry.gridHeight(), grid),
                geometry.paddedWidth(), geometry.paddedHeight());
        FloatPlane network = PlaneOps.crop(FloatBuffer.wrap(padded.values()), 0, geometry, 1f);
        FloatPlane full;
        if (!geometry.downscaled()) {
            full = network;
        } else if (hasRefiner) {
            full = Resampler.bilinear(network, geometry.frameWidth(), geometry.frameHeight());
        } else {
            FloatPlane guide = Resampler.bilinear(fullLightness, network.width(), network.height());
            full = GuidedUpsampler.DEFAULT.upsample(guide, fullLightness, network);
        }
        float[] values = full.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(1f, Math.max(0f, values[i]));
        }
        return full;
    }

    /** Confidence 1 at frame size, for a frame whose colour is an exemplar's own. */
    FloatPlane certain() {
        float[] ones = new float[geometry.frameWidth() * geometry.frameHeight()];
        java.util.Arrays.fill(ones, 1f);
        return new FloatPlane(geometry.frameWidth(), geometry.frameHeight(), ones);
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
