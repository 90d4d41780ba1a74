package dev.nitrate.testing;

import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A deterministic stand-in for the network: paints the exemplars' mean chroma, modulated by the
 * frame's lightness and by a frame counter that lives in its state (so a resume that loses the state
 * shows in the output). Sleeps {@code nitrate.test.frameDelayMs} per frame when set.
 */
public final class MeanChromaColorizer implements FrameColorizer {

    private final int width;
    private final int height;
    private final long delayMillis = Long.getLong("nitrate.test.frameDelayMs", 0);
    private float meanA;
    private float meanB;
    private long framesSeen;
    private long sequencesBegun;
    private volatile boolean cancelled;

    public MeanChromaColorizer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) {
        double a = 0;
        double b = 0;
        long n = 0;
        for (LabImage exemplar : exemplars) {
            if (exemplar.width() != width || exemplar.height() != height) {
                throw new IllegalArgumentException("exemplar not fitted to the frame");
            }
            for (int i = 0; i < exemplar.a().pixelCount(); i++) {
                a += exemplar.a().values()[i];
                b += exemplar.b().values()[i];
            }
            n += exemplar.a().pixelCount();
        }
        meanA = (float) (a / n);
        meanB = (float) (b / n);
        framesSeen = 0;
        sequencesBegun++;
    }

    @Override
    public ChromaPlanes colorize(FloatPlane lightness) throws ColorizeException {
        if (cancelled) {
            throw new ColorizeException("cancelled");
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ColorizeException("interrupted");
            }
        }
        framesSeen++;
        float factor = 1f + (framesSeen % 5) * 0.15f;
        float[] a = new float[lightness.pixelCount()];
        float[] b = new float[lightness.pixelCount()];
        float[] l = lightness.values();
        for (int i = 0; i < a.length; i++) {
            float weight = factor * (0.5f + l[i] / 200f);
            a[i] = meanA * weight;
            b[i] = meanB * weight;
        }
        return new ChromaPlanes(new FloatPlane(lightness.width(), lightness.height(), a), new FloatPlane(lightness.width(), lightness.height(), b));
    }

    public long sequencesBegun() {
        return sequencesBegun;
    }

    @Override
    public String deviceDescription() {
        return "cpu (test stand-in)";
    }

    @Override
    public MemoryStats memoryStats() {
        return new MemoryStats(1, 1, 0, 1, framesSeen, 0, 0);
    }

    @Override
    public StageTimings lastFrameTimings() {
        return StageTimings.NONE;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeFloat(meanA);
        out.writeFloat(meanB);
        out.writeLong(framesSeen);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        meanA = in.readFloat();
        meanB = in.readFloat();
        framesSeen = in.readLong();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {}
}
