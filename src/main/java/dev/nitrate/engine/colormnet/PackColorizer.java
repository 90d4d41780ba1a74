package dev.nitrate.engine.colormnet;

import static dev.nitrate.engine.colormnet.GraphOutputs.floats;
import static dev.nitrate.engine.colormnet.GraphOutputs.output;
import static dev.nitrate.engine.colormnet.GraphOutputs.tensor;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nitrate.engine.attention.LocalAttention;
import dev.nitrate.engine.attention.WindowPath;
import dev.nitrate.engine.attention.Workers;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizedFrame;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.memory.MemoryBank;
import dev.nitrate.engine.memory.MemoryException;
import dev.nitrate.engine.memory.MemoryKernels;
import dev.nitrate.engine.memory.MemoryParameters;
import dev.nitrate.engine.memory.MemoryReadout;
import dev.nitrate.engine.onnx.GraphSession;
import dev.nitrate.engine.onnx.OnnxInitializers;
import dev.nitrate.engine.onnx.OrtRuntime;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.pack.PackManifest;
import dev.nitrate.engine.pack.PackSessions;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ColorMNet's per-frame inference on a model pack, orchestrating its parts: the pack's networks run in
 * ONNX Runtime; {@link FrameSchedule} says which frames are memory frames; the {@link MemoryBank} and
 * {@link LocalAttention} hold what earlier frames left; {@link HiddenState} is the GRU hidden state with its
 * update rules; {@link ChromaUpscaler} brings chroma to frame size; {@link StateCodec} saves and restores it all.
 *
 * <p>Per frame: key encoder; memory readout (top-k over working and long-term memory) plus local
 * attention over the most recent memory frame (not on the first frame); decoder; on memory frames
 * (the first, then every {@code mem_every} frames) the value encoder stores the frame and its deep
 * update becomes the hidden state, otherwise the decoder's hidden output is kept.
 */
public final class PackColorizer implements FrameColorizer {

    private final ModelPack pack;
    private final PackSessions sessions;
    private final MemoryKernels kernels;
    private final PackManifest.Channels channels;
    private final PackManifest.Normalisation norm;
    private final MemoryParameters memoryParameters;
    private final FrameGeometry geometry;
    private final MemoryBank memory;
    private final LocalAttention localAttention;
    private final FloatBuffer imageBuffer;
    private final FloatBuffer abBuffer;
    private final float[] staging;
    private final FrameSchedule schedule;
    private final HiddenState hidden;
    private final StateCodec stateCodec;
    private List<LabImage> exemplars = List.of();
    private volatile boolean cancelled;
    private StageTimings lastTimings = StageTimings.NONE;
    private GraphSession windowLinearKernel;
    private final Workers workers = Workers.forCores(2);
    private final ChromaUpscaler upscaler;

    PackColorizer(ModelPack pack, PackSessions sessions, MemoryKernels kernels, MemoryParameters memoryParameters,
            int frameWidth, int frameHeight, Long maxArea) {
        this.pack = pack;
        this.sessions = sessions;
        this.kernels = kernels;
        PackManifest m = pack.manifest();
        this.channels = m.channels();
        this.norm = m.normalisation();
        this.memoryParameters = memoryParameters;
        this.geometry = FrameGeometry.of(frameWidth, frameHeight, m.paddingMultiple(), m.strides().f16(), maxArea);
        this.memory = new MemoryBank(memoryParameters, geometry.gridElements(), channels.key(),
                channels.objects() * channels.value(), kernels);
        this.localAttention = m.localAttention().enabled()
                ? new LocalAttention(sessions.session(PackManifest.LOCAL_ATTENTION), channels.key(), channels.objects(),
                        channels.value(), geometry.gridHeight(), geometry.gridWidth())
                : null;
        this.imageBuffer = direct(3 * geometry.paddedPixels());
        this.abBuffer = direct(2 * geometry.paddedPixels());
        this.staging = new float[3 * geometry.paddedPixels()];
        this.upscaler = new ChromaUpscaler(geometry, norm, sessions.has(PackManifest.REFINER), workers);
        this.schedule = new FrameSchedule(memoryParameters.memEvery());
        this.hidden = new HiddenState(channels.objects(), channels.hidden(), geometry.gridHeight(), geometry.gridWidth(),
                memoryParameters.deepUpdate());
        this.stateCodec = new StateCodec(geometry, schedule, hidden, localAttention, memory);
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The pack this colorizer runs. */
    public ModelPack pack() {
        return pack;
    }

    /** The frame geometry (padding, memory grid, downscaling). */
    public FrameGeometry geometry() {
        return geometry;
    }

    /** The device the networks actually run on. */
    public ComputeDevice device() {
        return sessions.device();
    }

    /** Why a requested CUDA device is not used, or {@code null}. */
    public String fallbackReason() {
        return sessions.fallbackReason();
    }

    @Override
    public String deviceDescription() {
        String reason = fallbackReason();
        return reason == null ? device().toString() : device() + " (" + reason + ")";
    }

    /**
     * Lets local attention run as {@link dev.nitrate.engine.attention.WindowAttention} (same function as
     * the pack's graph, checked at load) when the graph's weights can be read; takes ownership of the kernel session.
     */
    void enableWindowAttention(GraphSession linearKernel) {
        windowLinearKernel = linearKernel;
        if (localAttention == null) {
            return;
        }
        Map<String, OnnxInitializers.Initializer> weights;
        String unreadable = "";
        try {
            weights = OnnxInitializers.read(pack.graphSource(PackManifest.LOCAL_ATTENTION));
        } catch (IOException e) {
            weights = Map.of();
            unreadable = " (its weights could not be read: " + e.getMessage() + ")";
        }
        var window = LocalAttention.windowPathFor(weights, sessions.session(PackManifest.LOCAL_ATTENTION), linearKernel,
                pack.manifest().localAttention().radius(), channels.key(), channels.objects(), channels.value());
        if (window instanceof WindowPath.Found found) {
            localAttention.useWindowPath(found.kernel());
            localAttention.useWorkers(workers);
        } else if (window instanceof WindowPath.GraphOnly graphOnly) {
            System.getLogger(PackColorizer.class.getName()).log(System.Logger.Level.WARNING,
                    "local attention of pack {0} runs on its graph, many times slower than the window path: {1}{2}",
                    pack.location(), graphOnly.reason(), unreadable);
        }
    }

    /** How local attention runs: {@code window} (engine path), {@code graph} (the pack's graph) or {@code off}. */
    public String localAttentionPath() {
        return localAttention == null ? "off" : localAttention.usesWindowPath() ? "window" : "graph";
    }

    /** The memory bank (benchmarks prime it; see {@link EngineBenchmark}). */
    MemoryBank memoryBank() {
        return memory;
    }

    /** The memory parameters in force (the pack's, with any overrides). */
    public MemoryParameters memoryParameters() {
        return memoryParameters;
    }

    @Override
    public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) throws ColorizeException {
        if (exemplars.isEmpty()) {
            throw new ColorizeException("a sequence needs at least one exemplar");
        }
        cancelled = false;
        acknowledgeCancel();
        memory.clear();
        if (localAttention != null) {
            localAttention.clear();
        }
        hidden.reset();
        schedule.begin(firstFrameIsExemplar);
        this.exemplars = exemplars.stream().map(this::fitExemplar).toList();
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            int separate = firstFrameIsExemplar ? 1 : 0;
            for (LabImage exemplar : this.exemplars.subList(separate, this.exemplars.size())) {
                storeExemplar(exemplar, timings);
            }
        } catch (OrtException | MemoryException e) {
            throw failure(e);
        }
        finishTimings(timings, start);
    }

    private LabImage fitExemplar(LabImage exemplar) {
        int w = geometry.networkWidth();
        int h = geometry.networkHeight();
        return new LabImage(Resampler.bilinear(exemplar.lightness(), w, h), Resampler.bilinear(exemplar.a(), w, h), Resampler.bilinear(exemplar.b(), w, h));
    }

    /** Encodes an exemplar's own lightness and stores its value as permanent memory, without a hidden update. */
    private void storeExemplar(LabImage exemplar, Map<String, Long> timings) throws OrtException, MemoryException, ColorizeException {
        OrtEnvironment env = OrtRuntime.environment();
        fillImage(exemplar.lightness());
        fillAb(exemplar);
        try (OnnxTensor image = tensor(env, imageBuffer, 1, 3, geometry.paddedHeight(), geometry.paddedWidth());
                OrtSession.Result keys = timed(timings, "key_encoder", PackManifest.KEY_ENCODER, Map.of("image", image));
                OnnxTensor ab = tensor(env, abBuffer, 1, 2, geometry.paddedHeight(), geometry.paddedWidth())) {
            storeMemoryFrame(keys, image, ab, FrameSchedule.Role.SEPARATE_EXEMPLAR, timings);
        }
    }

    @Override
    public ChromaPlanes colorize(FloatPlane lightness) throws ColorizeException {
        return predict(lightness, false).chroma();
    }

    /**
     * Predicts the frame's chroma, bit for bit what {@link #colorize} gives, with a per-pixel confidence from the
     * memory readout: each query position's softmax peak ({@link MemoryReadout}) on the memory grid, resized to the
     * frame as the decoder and {@link ChromaUpscaler} resize chroma. A frame whose colour is an exemplar's own
     * ({@code firstFrameIsExemplar}) has confidence 1 everywhere.
     */
    @Override
    public ColorizedFrame colorizeFrame(FloatPlane lightness) throws ColorizeException {
        return predict(lightness, true);
    }

    private ColorizedFrame predict(FloatPlane lightness, boolean withConfidence) throws ColorizeException {
        if (!schedule.started()) {
            throw new IllegalStateException("beginSequence must come before colorize");
        }
        if (lightness.width() != geometry.frameWidth() || lightness.height() != geometry.frameHeight()) {
            throw new IllegalArgumentException("frame is " + lightness.width() + "x" + lightness.height()
                    + ", this colorizer was opened for " + geometry.frameWidth() + "x" + geometry.frameHeight());
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            checkCancelled();
            ColorizedFrame result = predictFrame(lightness, withConfidence, timings);
            finishTimings(timings, start);
            return result;
        } catch (OrtException | MemoryException e) {
            ColorizeException failure = failure(e);
            acknowledgeCancel();
            throw failure;
        } catch (ColorizeException e) {
            acknowledgeCancel();
            throw e;
        }
    }

    private ColorizedFrame predictFrame(FloatPlane fullLightness, boolean withConfidence, Map<String, Long> timings)
            throws OrtException, MemoryException, ColorizeException {
        OrtEnvironment env = OrtRuntime.environment();
        FrameSchedule.Role role = schedule.next();
        FloatPlane lightness = Resampler.bilinear(fullLightness, geometry.networkWidth(), geometry.networkHeight());
        fillImage(lightness);
        ChromaPlanes chroma;
        try (OnnxTensor image = tensor(env, imageBuffer, 1, 3, geometry.paddedHeight(), geometry.paddedWidth());
                OrtSession.Result keys = timed(timings, "key_encoder", PackManifest.KEY_ENCODER, Map.of("image", image))) {
            if (role == FrameSchedule.Role.EXEMPLAR_FRAME) {
                LabImage exemplar = exemplars.get(0);
                fillAb(exemplar);
                try (OnnxTensor ab = tensor(env, abBuffer, 1, 2, geometry.paddedHeight(), geometry.paddedWidth())) {
                    chroma = new ChromaPlanes(PlaneOps.crop(abBuffer, 0, geometry, norm.chromaScale()),
                            PlaneOps.crop(abBuffer, 1, geometry, norm.chromaScale()));
                    storeMemoryFrame(keys, image, ab, role, timings);
                }
            } else {
                float[] queryKey = floats(keys, "key");
                float[] querySelection = floats(keys, "selection");
                long t = System.nanoTime();
                MemoryReadout read = memory.readout(queryKey, querySelection, geometry.gridElements());
                float[] readout = read.values();
                timings.merge("memory_readout", System.nanoTime() - t, Long::sum);
                if (localAttention != null && localAttention.hasMemoryFrame() && role.usesLocalAttention()) {
                    t = System.nanoTime();
                    localAttention.addTo(queryKey, readout);
                    timings.merge("local_attention", System.nanoTime() - t, Long::sum);
                }
                checkCancelled();
                long[] readoutShape = {1, channels.objects(), channels.value(), geometry.gridHeight(), geometry.gridWidth()};
                try (OnnxTensor readoutTensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(readout), readoutShape);
                        OnnxTensor hiddenTensor = hidden.tensor(env);
                        OrtSession.Result decoded = timed(timings, "decoder", PackManifest.DECODER, Map.of(
                                "f16", output(keys, "f16"), "f8", output(keys, "f8"), "f4", output(keys, "f4"),
                                "readout", readoutTensor, "hidden", hiddenTensor))) {
                    OnnxTensor ab = output(decoded, "ab");
                    FloatBuffer abValues = ab.getFloatBuffer();
                    chroma = new ChromaPlanes(PlaneOps.crop(abValues, 0, geometry, norm.chromaScale()),
                            PlaneOps.crop(abValues, 1, geometry, norm.chromaScale()));
                    hidden.afterDecoder(role, decoded);
                    chroma = upscaler.upscale(fullLightness, chroma, timings, this::timed);
                    if (role.memoryFrame()) {
                        storeMemoryFrame(keys, image, ab, role, timings);
                    }
                }
                if (!withConfidence) {
                    return ColorizedFrame.withoutConfidence(chroma);
                }
                t = System.nanoTime();
                FloatPlane confidence = upscaler.confidence(fullLightness, read.confidence());
                timings.merge("confidence", System.nanoTime() - t, Long::sum);
                return new ColorizedFrame(chroma, Optional.of(confidence));
            }
        }
        chroma = upscaler.resize(chroma);
        return withConfidence
                ? new ColorizedFrame(chroma, Optional.of(upscaler.certain()))
                : ColorizedFrame.withoutConfidence(chroma);
    }

    /** Runs the value encoder on a frame and stores its key and value; the hidden state takes the deep update if its rule says so. */
    private void storeMemoryFrame(OrtSession.Result keys, OnnxTensor image, OnnxTensor ab, FrameSchedule.Role role,
            Map<String, Long> timings) throws OrtException, MemoryException, ColorizeException {
        OrtEnvironment env = OrtRuntime.environment();
        checkCancelled();
        try (OnnxTensor hiddenTensor = hidden.tensor(env);
                OrtSession.Result encoded = timed(timings, "value_encoder", PackManifest.VALUE_ENCODER, Map.of(
                        "image", image, "ab", ab, "f16", output(keys, "f16"), "hidden", hiddenTensor))) {
            float[] key = floats(keys, "key");
            float[] value = floats(encoded, "value");
            memory.addFrame(key, floats(keys, "shrinkage"), floats(keys, "selection"), value, role.permanentMemory());
            if (localAttention != null) {
                localAttention.setMemoryFrame(key, value);
            }
            hidden.afterValueEncoder(role, encoded);
            schedule.memoryFrameStored();
        }
    }

    private OrtSession.Result timed(Map<String, Long> timings, String stage, String graph, Map<String, ? extends OnnxTensorLike> inputs)
            throws OrtException, ColorizeException {
        checkCancelled();
        long t = System.nanoTime();
        OrtSession.Result result = sessions.session(graph).run(inputs);
        timings.merge(stage, System.nanoTime() - t, Long::sum);
        return result;
    }

    private void fillImage(FloatPlane lightness) {
        int n = geometry.paddedPixels();
        PlaneOps.padNormalised(lightness, norm.lightnessOffset(), norm.lightnessScale(), geometry, staging, 0);
        System.arraycopy(staging, 0, staging, n, n);
        System.arraycopy(staging, 0, staging, 2 * n, n);
        imageBuffer.clear();
        imageBuffer.put(staging, 0, 3 * n);
        imageBuffer.flip();
    }

    private void fillAb(LabImage exemplar) {
        int n = geometry.paddedPixels();
        PlaneOps.padNormalised(exemplar.a(), 0f, norm.chromaScale(), geometry, staging, 0);
        PlaneOps.padNormalised(exemplar.b(), 0f, norm.chromaScale(), geometry, staging, 1);
        abBuffer.clear();
        abBuffer.put(staging, 0, 2 * n);
        abBuffer.flip();
    }

    /** After a cancelled frame (or at a new sequence) lets the sessions run again. */
    private void acknowledgeCancel() {
        cancelled = false;
        sessions.resetCancel();
        kernels.resetCancel();
    }

    private void checkCancelled() throws ColorizeException {
        if (cancelled) {
            throw new ColorizeException("cancelled");
        }
    }

    private ColorizeException failure(Exception e) {
        if (cancelled) {
            return new ColorizeException("cancelled", e);
        }
        return new ColorizeException(pack + ": frame " + schedule.frameIndex() + " failed: " + e.getMessage(), e);
    }

    private void finishTimings(Map<String, Long> timings, long start) {
        long total = System.nanoTime() - start;
        long networks = timings.values().stream().mapToLong(Long::longValue).sum();
        timings.put("bookkeeping", Math.max(0, total - networks));
        lastTimings = new StageTimings(timings);
    }

    @Override
    public MemoryStats memoryStats() {
        int hw = geometry.gridElements();
        return new MemoryStats(memory.workingElements() / hw, memory.workingElements(), memory.longTermElements(),
                memory.permanentElements(), schedule.framesSeen(), schedule.memoryFramesAdded(), memory.consolidations());
    }

    @Override
    public StageTimings lastFrameTimings() {
        return lastTimings;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        stateCodec.write(out, exemplars);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        exemplars = stateCodec.read(in);
    }

    /**
     * Stops the frame in flight, or the next frame if none is running: {@link #colorize} throws a
     * {@link ColorizeException} saying "cancelled". The memory may then hold part of that frame's
     * update: begin the sequence again or {@link #readState restore} a saved state before going on.
     */
    @Override
    public void cancel() {
        cancelled = true;
        sessions.cancel();
        kernels.cancel();
    }

    @Override
    public void close() {
        workers.close();
        if (windowLinearKernel != null) {
            windowLinearKernel.close();
        }
        kernels.close();
        sessions.close();
    }
}
