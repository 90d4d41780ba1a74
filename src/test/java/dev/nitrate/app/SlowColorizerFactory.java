package dev.nitrate.app;

import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.colorize.StageTimings;
import dev.nitrate.engine.image.ChromaPlanes;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.testing.MeanChromaColorizerFactory;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** The test colorizer, slowed by a settable delay per frame so that a test can cancel work in flight. */
final class SlowColorizerFactory implements ColorizerFactory {

    volatile long millisPerFrame;
    private final ColorizerFactory inner = new MeanChromaColorizerFactory();

    @Override
    public FrameColorizer open(PackLocation pack, InferenceOptions options, int width, int height) throws PackException {
        if (pack instanceof PackLocation.Folder folder) {
            throw new PackException(folder.directory() + "/pack.json: no such file");
        }
        FrameColorizer colorizer = inner.open(pack, options, width, height);
        return new FrameColorizer() {
            private volatile boolean cancelled;

            @Override
            public void beginSequence(List<LabImage> exemplars, boolean firstFrameIsExemplar) throws ColorizeException {
                cancelled = false;
                colorizer.beginSequence(exemplars, firstFrameIsExemplar);
            }

            @Override
            public ChromaPlanes colorize(FloatPlane lightness) throws ColorizeException {
                try {
                    Thread.sleep(millisPerFrame);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (cancelled) {
                    cancelled = false;
                    throw new ColorizeException("cancelled");
                }
                return colorizer.colorize(lightness);
            }

            @Override
            public MemoryStats memoryStats() {
                return colorizer.memoryStats();
            }

            @Override
            public StageTimings lastFrameTimings() {
                return colorizer.lastFrameTimings();
            }

            @Override
            public void writeState(DataOutput out) throws IOException {
                colorizer.writeState(out);
            }

            @Override
            public void readState(DataInput in) throws IOException {
                colorizer.readState(in);
            }

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public void close() {
                colorizer.close();
            }
        };
    }
}
