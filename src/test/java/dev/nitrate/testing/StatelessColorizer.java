package dev.nitrate.testing;

import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.colorize.MemoryStats;
import dev.nitrate.engine.colorize.StageTimings;
import java.io.DataInput;
import java.io.DataOutput;

/**
 * Base of the test colorizers that keep no memory: no state to save, nothing to cancel or close, empty
 * memory statistics and no stage timings unless a subclass reports them.
 */
public abstract class StatelessColorizer implements FrameColorizer {

    @Override
    public MemoryStats memoryStats() {
        return MemoryStats.EMPTY;
    }

    @Override
    public StageTimings lastFrameTimings() {
        return StageTimings.NONE;
    }

    @Override
    public void writeState(DataOutput out) {}

    @Override
    public void readState(DataInput in) {}

    @Override
    public void cancel() {}

    @Override
    public void close() {}
}
