package dev.nitrate.engine.flow;

import dev.nitrate.engine.attention.Workers;
import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizedFrame;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.pack.PackManifest;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A colorizer that carries colour along dense optical flow around a pack colorizer (decision record 0602).
 *
 * <p>Per frame, at the film's full resolution: the exemplar's chroma taken through the direct flow from the
 * frame to the exemplar, weighted by that flow's forward-backward consistency; elsewhere the previous result
 * taken through the frame-to-frame flow; the pack's own prediction (its memory readout) only on a frame that
 * has no previous result, the only frame its graphs run for (a sequence's first, unless it is the exemplar's
 * own frame; the memory is cleared at every sequence start, so nothing else would read it). The per-pixel
 * confidence: 1 where the exemplar's colour arrives directly, decaying per frame along the chain where the
 * frame-to-frame flow passes its check, {@code readout_confidence} where it fails or the readout colours.
 * The frame that is the exemplar ({@code firstFrameIsExemplar}) returns the exemplar's chroma unchanged. With
 * several exemplars, each pixel takes the direct flow of the exemplar whose flow is the most consistent there (on a
 * tie, whose warped lightness is closest to the frame's).
 * With a {@code lightness_tolerance}, a flow is also trusted only where the lightness it leads to agrees with the
 * frame's: a background uncovered where an object stood in the exemplar does not take the object's colour.
 */
public final class FlowGuidedColorizer implements FrameColorizer {

    private final FrameColorizer pack;
    private final PackManifest.FlowSettings settings;
    private final int width;
    private final int height;
    private final int flowWidth;
    private final int flowHeight;
    private final DisFlow flow;
    private final FlowWarp warp;
    private final float[] directFull;
    private final float[] directA;
    private final float[] directB;
    private final float[] chainFull;
    private final float[] chainA;
    private final float[] chainB;
    private final float[] chainConfidence;
    private final Workers workers = Workers.forCores(2);
    private final float[] lumaSums;
    private final int[] lumaCounts;
    private final byte[] luma;
    private final float[] toExemplar;
    private final float[] fromExemplar;
    private final float[] toPrevious;
    private final float[] fromPrevious;
    private final float[] directWeight;
    private final float[] chainWeight;
    private final byte[] exemplarLuma;
    private final float[] exemplarA;
    private final float[] exemplarB;
    private final List<Anchor> moreAnchors = new ArrayList<>();
    private float[] exemplarL;
    private float[] exemplarFilmL;
    private float[] directFilmL;
    private float[] anchorFilmL;
    private float[] anchorFull;
    private float[] anchorA;
    private float[] anchorB;
    private float[] anchorL;
    private float[] directL;
    private byte[] previousLuma;
    private final float[] previousL;
    private float[] chainL;
    private float[] previousA;
    private float[] previousB;
    private float[] previousConfidence;
    private boolean hasPrevious;
    private boolean exemplarFrameNext;
    private StageTimings lastTimings = StageTimings.NONE;

    /**
     * Wraps {@code pack} (which this colorizer then owns and closes) for frames of {@code width x height}.
     */
    public FlowGuidedColorizer(FrameColorizer pack, PackManifest.FlowSettings settings, int width, int height) {
        this.pack = pack;
        this.settings = settings;
        this.width = width;
        this.height = height;
        double scale = Math.min(1.0, Math.sqrt((double) settings.maxArea() / ((long) width * height)));
        this.flowWidth = Math.max(8, (int) Math.round(width * scale));
        this.flowHeight = Math.max(8, (int) Math.round(height * scale));
        int flowPixels = flowWidth * flowHeight;
        this.flow = new DisFlow(settings.preset(), flowWidth, flowHeight);
        this.lumaSums = new float[flowPixels];
        this.lumaCounts = new int[flowPixels];
        this.luma = new byte[flowPixels];
        this.toExemplar = new float[2 * flowPixels];
        this.fromExemplar = new float[2 * flowPixels];
        this.toPrevious = new float[2 * flowPixels];
        this.fromPrevious = new float[2 * flowPixels];
        this.directWeight = new float[flowPixels];
        this.chainWeight = new float[flowPixels];
        this.exemplarLuma = new byte[flowPixels];
        this.previousLuma = new byte[flowPixels];
        int pixels = width * height;
        this.exemplarA = new float[pixels];
        this.exemplarB = new float[pixels];
        this.previousA = new float[pixels];
        this.previousB = new float[pixels];
        this.previousConfidence = new float[pixels];
        this.previousL = checksLightness() ? new float[pixels] : null;
        this.directFull = new float[pixels];
        this.directA = new float[pixels];
        this.directB = new float[pixels];
        this.chainFull = new float[pixels];
        this.chainA = new float[pixels];
        this.chainB = new float[pixels];
        this.chainConfidence = new float[pixels];
        this.warp = new FlowWarp(width, height, flowWidth, flowHeight);
    }

    /** The size flow is computed at (the frame downscaled to the pack's {@code flow.max_area}). */
    public int flowWidth() {
        return flowWidth;
    }

    /** See {@link #flowWidth()}. */
    public int flowHeight() {
        return flowHeight;
    }

    @Override
    public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) throws ColorizeException {
        pack.beginSequence(exemplars, firstFrameIsExemplar);
        LabImage anchor = exemplars.get(0);
        float[] l = fitted(anchor.lightness());
        System.arraycopy(fitted(anchor.a()), 0, exemplarA, 0, exemplarA.length);
        System.arraycopy(fitted(anchor.b()), 0, exemplarB, 0, exemplarB.length);
        FlowPlanes.lumaBytes(l, width, height, exemplarLuma, flowWidth, flowHeight, lumaSums, lumaCounts);
        exemplarL = l.clone();
        exemplarFilmL = checksLightness() ? filmLightness(exemplarL, exemplarA, exemplarB) : null;
        moreAnchors.clear();
        for (LabImage more : exemplars.subList(1, exemplars.size())) {
            byte[] moreLuma = new byte[flowWidth * flowHeight];
            float[] moreL = fitted(more.lightness()).clone();
            FlowPlanes.lumaBytes(moreL, width, height, moreLuma, flowWidth, flowHeight, lumaSums, lumaCounts);
            float[] moreA = fitted(more.a()).clone();
            float[] moreB = fitted(more.b()).clone();
            moreAnchors.add(new Anchor(moreLuma, moreL, moreA, moreB, checksLightness() ? filmLightness(moreL, moreA, moreB) : null));
        }
        hasPrevious = false;
        exemplarFrameNext = firstFrameIsExemplar;
    }

    private float[] fitted(FloatPlane plane) {
        return plane.width() == width && plane.height() == height
                ? plane.values()
                : FlowPlanes.resize(plane.values(), plane.width(), plane.height(), width, height);
    }

    @Override
    public ChromaPlanes colorize(FloatPlane lightness) throws ColorizeException {
        return colorizeFrame(lightness).chroma();
    }

    @Override
    public ColorizedFrame colorizeFrame(FloatPlane lightness) throws ColorizeException {
        boolean readoutColours = !exemplarFrameNext && !hasPrevious;
        ChromaPlanes readout = readoutColours ? pack.colorize(lightness) : null;
        Map<String, Long> timings = new LinkedHashMap<>(readoutColours ? pack.lastFrameTimings().nanosByStage() : Map.of());
        long start = System.nanoTime();
        FlowPlanes.lumaBytes(lightness.values(), width, height, luma, flowWidth, flowHeight, lumaSums, lumaCounts);
        int pixels = width * height;
        float[] a = new float[pixels];
        float[] b = new float[pixels];
        float[] confidence = new float[pixels];
        if (exemplarFrameNext) {
            exemplarFrameNext = false;
            System.arraycopy(exemplarA, 0, a, 0, pixels);
            System.arraycopy(exemplarB, 0, b, 0, pixels);
            java.util.Arrays.fill(confidence, 1f);
        } else {
            if (java.util.Arrays.equals(luma, exemplarLuma)) {
                // the exemplar's own frame: DIS is not exactly zero on two equal images, the identity is
                java.util.Arrays.fill(toExemplar, 0f);
                java.util.Arrays.fill(directWeight, 1f);
            } else {
                flow.compute(luma, exemplarLuma, toExemplar);
                flow.compute(exemplarLuma, luma, fromExemplar);
                consistency(toExemplar, fromExemplar, directWeight);
            }
            if (hasPrevious) {
                flow.compute(luma, previousLuma, toPrevious);
                flow.compute(previousLuma, luma, fromPrevious);
                consistency(toPrevious, fromPrevious, chainWeight);
            }
            long flowDone = System.nanoTime();
            timings.put("flow", flowDone - start);
            start = flowDone;
            warp.setField(toExemplar, directWeight, directFull);
            warp.sample(exemplarA, directA);
            warp.sample(exemplarB, directB);
            if (!moreAnchors.isEmpty() || checksLightness()) {
                directL = directL == null ? new float[pixels] : directL;
                warp.sample(exemplarL, directL);
                if (checksLightness()) {
                    directFilmL = directFilmL == null ? new float[pixels] : directFilmL;
                    warp.sample(exemplarFilmL, directFilmL);
                    lightnessAgreement(directFull, directL, directFilmL, lightness.values());
                }
            }
            for (Anchor anchor : moreAnchors) {
                takeBetterAnchor(anchor, lightness.values());
            }
            if (hasPrevious) {
                warp.setField(toPrevious, chainWeight, chainFull);
                warp.sample(previousA, chainA);
                warp.sample(previousB, chainB);
                warp.sample(previousConfidence, chainConfidence);
                if (checksLightness()) {
                    chainL = chainL == null ? new float[pixels] : chainL;
                    warp.sample(previousL, chainL);
                    lightnessAgreement(chainFull, chainL, chainL, lightness.values());
                }
            }
            float[] readA = readoutColours ? readout.a().values() : null;
            float[] readB = readoutColours ? readout.b().values() : null;
            workers.split(pixels, (from, to) -> blend(from, to, readA, readB, a, b, confidence));
        }
        previousLuma = luma.clone();
        previousA = a.clone();
        previousB = b.clone();
        previousConfidence = confidence.clone();
        if (checksLightness()) {
            System.arraycopy(lightness.values(), 0, previousL, 0, pixels);
        }
        hasPrevious = true;
        timings.put("flow_blend", System.nanoTime() - start);
        lastTimings = new StageTimings(timings);
        return new ColorizedFrame(new ChromaPlanes(new FloatPlane(width, height, a), new FloatPlane(width, height, b)),
                Optional.of(new FloatPlane(width, height, confidence)));
    }

    /**
     * Where another exemplar's direct flow is more consistent than the best so far, or as consistent and its warped
     * lightness closer to the frame's, its colour and weight replace them.
     */
    private void takeBetterAnchor(Anchor anchor, float[] frameL) {
        int pixels = width * height;
        if (anchorFull == null) {
            anchorFull = new float[pixels];
            anchorA = new float[pixels];
            anchorB = new float[pixels];
            anchorL = new float[pixels];
        }
        if (java.util.Arrays.equals(luma, anchor.luma())) {
            java.util.Arrays.fill(toExemplar, 0f);
            java.util.Arrays.fill(directWeight, 1f);
        } else {
            flow.compute(luma, anchor.luma(), toExemplar);
            flow.compute(anchor.luma(), luma, fromExemplar);
            consistency(toExemplar, fromExemplar, directWeight);
        }
        warp.setField(toExemplar, directWeight, anchorFull);
        warp.sample(anchor.a(), anchorA);
        warp.sample(anchor.b(), anchorB);
        warp.sample(anchor.l(), anchorL);
        if (checksLightness()) {
            anchorFilmL = anchorFilmL == null ? new float[pixels] : anchorFilmL;
            warp.sample(anchor.filmL(), anchorFilmL);
            lightnessAgreement(anchorFull, anchorL, anchorFilmL, frameL);
        }
        for (int i = 0; i < pixels; i++) {
            float gain = anchorFull[i] - directFull[i];
            boolean closer = Math.abs(anchorL[i] - frameL[i]) < Math.abs(directL[i] - frameL[i]);
            if (gain > 1e-3f || (gain > -1e-3f && closer)) {
                directFull[i] = anchorFull[i];
                directA[i] = anchorA[i];
                directB[i] = anchorB[i];
                directL[i] = anchorL[i];
            }
        }
    }

    private boolean checksLightness() {
        return settings.lightnessTolerance() > 0;
    }

    /**
     * Lowers each weight where the lightness sampled through the flow differs from the frame's: kept up to
     * {@code lightness_tolerance}, falling linearly to 0 at twice that. The difference is the smaller of the two
     * against the colour's own CIE L and against the L a grayscale film of that colour holds (its luma), so a
     * saturated colour, whose two differ, is compared fairly on a grayscale film and on a colour one.
     */
    private void lightnessAgreement(float[] weight, float[] warpedL, float[] warpedFilmL, float[] frameL) {
        float tolerance = settings.lightnessTolerance();
        for (int i = 0; i < weight.length; i++) {
            float difference = Math.min(Math.abs(warpedL[i] - frameL[i]), Math.abs(warpedFilmL[i] - frameL[i]));
            weight[i] *= Math.max(0f, Math.min(1f, (2f * tolerance - difference) / tolerance));
        }
    }

    /**
     * The CIE L a grayscale film holds where the exemplar has this colour: the L of the gray whose code is the
     * colour's BT.601 luma.
     */
    private float[] filmLightness(float[] l, float[] a, float[] b) {
        byte[] rgb = CieLab.toRgb8(new LabImage(new FloatPlane(width, height, l), new FloatPlane(width, height, a),
                new FloatPlane(width, height, b)));
        float[] film = new float[width * height];
        for (int i = 0; i < film.length; i++) {
            film[i] = CieLab.lightnessOfGray8(LumaMatch.luma(rgb[3 * i] & 0xFF, rgb[3 * i + 1] & 0xFF, rgb[3 * i + 2] & 0xFF));
        }
        return film;
    }

    /**
     * An exemplar after the first: its luma at the flow size, its L, a, b at the film's size and, with the lightness
     * check, the L a grayscale film of it holds ({@link #filmLightness}; {@code null} without the check).
     */
    private record Anchor(byte[] luma, float[] l, float[] a, float[] b, float[] filmL) {}

    /** Weight per flow pixel: 1 up to {@code consistency_px} of forward-backward error, falling to 0 at twice that. */
    private void consistency(float[] forward, float[] backward, float[] weight) {
        float sx = (float) width / flowWidth;
        float sy = (float) height / flowHeight;
        float tau = settings.consistencyPixels();
        for (int y = 0; y < flowHeight; y++) {
            for (int x = 0; x < flowWidth; x++) {
                int i = y * flowWidth + x;
                float dx = forward[2 * i];
                float dy = forward[2 * i + 1];
                float qx = x + dx;
                float qy = y + dy;
                if (qx < -0.5f || qy < -0.5f || qx > flowWidth - 0.5f || qy > flowHeight - 0.5f) {
                    weight[i] = 0f;
                    continue;
                }
                float ex = (dx + FlowPlanes.sample2(backward, flowWidth, flowHeight, qx, qy, 0)) * sx;
                float ey = (dy + FlowPlanes.sample2(backward, flowWidth, flowHeight, qx, qy, 1)) * sy;
                float error = (float) Math.sqrt(ex * ex + ey * ey);
                weight[i] = Math.max(0f, Math.min(1f, (2f * tau - error) / tau));
            }
        }
    }

    private void blend(int from, int to, float[] readA, float[] readB, float[] a, float[] b, float[] confidence) {
        float decay = settings.chainDecay();
        float readoutConfidence = settings.readoutConfidence();
        for (int i = from; i < to; i++) {
            float fillA;
            float fillB;
            float fillConfidence = readoutConfidence;
            if (hasPrevious) {
                // the chained colour everywhere the direct flow fails, as the plain method does: the readout
                // there cost 0.5 dB on cup; a failed chain check only lowers the confidence
                float wc = chainFull[i];
                fillA = chainA[i];
                fillB = chainB[i];
                fillConfidence = wc * decay * chainConfidence[i] + (1f - wc) * fillConfidence;
            } else {
                fillA = readA[i];
                fillB = readB[i];
            }
            float wd = directFull[i];
            a[i] = wd * directA[i] + (1f - wd) * fillA;
            b[i] = wd * directB[i] + (1f - wd) * fillB;
            confidence[i] = Math.max(0f, Math.min(1f, wd + (1f - wd) * fillConfidence));
        }
    }

    @Override
    public MemoryStats memoryStats() {
        return pack.memoryStats();
    }

    @Override
    public StageTimings lastFrameTimings() {
        return lastTimings;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        pack.writeState(out);
        out.writeBoolean(hasPrevious);
        out.writeBoolean(exemplarFrameNext);
        out.write(exemplarLuma);
        out.write(previousLuma);
        for (float[] plane : List.of(exemplarA, exemplarB, previousA, previousB, previousConfidence)) {
            writeFloats(out, plane);
        }
        if (checksLightness()) {
            writeFloats(out, previousL);
        }
        out.writeInt(moreAnchors.size());
        for (Anchor anchor : moreAnchors) {
            out.write(anchor.luma());
            for (float[] plane : List.of(anchor.l(), anchor.a(), anchor.b())) {
                writeFloats(out, plane);
            }
        }
        if (!moreAnchors.isEmpty() || checksLightness()) {
            writeFloats(out, exemplarL);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        pack.readState(in);
        hasPrevious = in.readBoolean();
        exemplarFrameNext = in.readBoolean();
        in.readFully(exemplarLuma);
        in.readFully(previousLuma);
        for (float[] plane : List.of(exemplarA, exemplarB, previousA, previousB, previousConfidence)) {
            readFloats(in, plane);
        }
        if (checksLightness()) {
            readFloats(in, previousL);
        }
        int anchors = in.readInt();
        moreAnchors.clear();
        for (int k = 0; k < anchors; k++) {
            byte[] anchorLuma = new byte[flowWidth * flowHeight];
            in.readFully(anchorLuma);
            List<float[]> planes = List.of(new float[width * height], new float[width * height], new float[width * height]);
            for (float[] plane : planes) {
                readFloats(in, plane);
            }
            moreAnchors.add(new Anchor(anchorLuma, planes.get(0), planes.get(1), planes.get(2),
                    checksLightness() ? filmLightness(planes.get(0), planes.get(1), planes.get(2)) : null));
        }
        if (anchors > 0 || checksLightness()) {
            exemplarL = new float[width * height];
            readFloats(in, exemplarL);
            exemplarFilmL = checksLightness() ? filmLightness(exemplarL, exemplarA, exemplarB) : null;
        }
    }

    private static void writeFloats(DataOutput out, float[] plane) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(plane.length * 4);
        bytes.asFloatBuffer().put(plane);
        out.write(bytes.array());
    }

    private static void readFloats(DataInput in, float[] plane) throws IOException {
        byte[] bytes = new byte[plane.length * 4];
        in.readFully(bytes);
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(plane);
    }

    @Override
    public String deviceDescription() {
        return pack.deviceDescription();
    }

    @Override
    public void cancel() {
        pack.cancel();
    }

    @Override
    public void close() {
        try (DisFlow f = flow; FlowWarp fw = warp; Workers w = workers; FrameColorizer p = pack) {
            // all three closed, the pack last
        }
    }
}
