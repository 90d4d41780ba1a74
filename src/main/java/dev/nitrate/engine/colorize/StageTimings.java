package dev.nitrate.engine.colorize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock time spent in each stage of the last colorized frame, in nanoseconds, keyed by
 * stage name in the order the stages ran. Stage names used by the engine:
 * {@code key_encoder}, {@code value_encoder}, {@code decoder}, {@code memory_readout},
 * {@code local_attention}, {@code refiner}, {@code bookkeeping} (Java-side memory management,
 * tensor packing, colour conversion inside the engine).
 */
public record StageTimings(Map<String, Long> nanosByStage) {

    public static final StageTimings NONE = new StageTimings(Map.of());

    public StageTimings {
        nanosByStage = Collections.unmodifiableMap(new LinkedHashMap<>(nanosByStage));
    }

    public long nanos(String stage) {
        return nanosByStage.getOrDefault(stage, 0L);
    }

    public long totalNanos() {
        return nanosByStage.values().stream().mapToLong(Long::longValue).sum();
    }
}
