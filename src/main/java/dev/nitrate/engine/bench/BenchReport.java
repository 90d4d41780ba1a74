package dev.nitrate.engine.bench;

import dev.nitrate.engine.colorize.MemoryStats;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured.
 *
 * @param width frame width the networks saw
 * @param height frame height
 * @param warmupFrames frames run before measuring
 * @param measuredFrames frames measured
 * @param stages time per stage per frame, in pipeline order; {@code frame} is the whole frame
 * @param framesPerSecond measured frames divided by their total wall time, decode to encode
 * @param peakResidentBytes peak resident set size of the process ({@code VmHWM}), -1 when unknown
 * @param peakHeapUsedBytes the most Java heap in use after any frame
 * @param maxHeapBytes the Java heap limit
 * @param peakWorkingElements the most working-memory entries after any frame
 * @param peakLongTermElements the most long-term entries after any frame
 * @param finalMemory the memory bank after the last frame
 * @param settings device, threads, machine and pack, as printed with the figures
 */
public record BenchReport(
        int width,
        int height,
        int warmupFrames,
        int measuredFrames,
        List<StageFigure> stages,
        double framesPerSecond,
        long peakResidentBytes,
        long peakHeapUsedBytes,
        long maxHeapBytes,
        int peakWorkingElements,
        int peakLongTermElements,
        MemoryStats finalMemory,
        Map<String, String> settings) {

    public BenchReport {
        stages = List.copyOf(stages);
        settings = Map.copyOf(settings);
    }

    /** The figure of the named stage, if it was measured. */
    public java.util.Optional<StageFigure> stage(String name) {
        return stages.stream().filter(s -> s.stage().equals(name)).findFirst();
    }
}
