package dev.nitrate.engine.render;

import dev.nitrate.engine.shots.Shot;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How much of a render one {@link RenderJob} does. A single machine renders the {@link Whole} film; a
 * cluster {@link Prepare}s the render once (shots found, the work folder made), renders each
 * {@link Part} (a group of whole shots) wherever the scheduler puts it, all into the same work folder
 * on a shared file system, and then runs the {@link Assembly}. Because segments never cross a cut, the
 * assembled output is byte-identical to the whole render.
 */
public sealed interface RenderScope permits RenderScope.Whole, RenderScope.Prepare, RenderScope.Part, RenderScope.Assembly {

    /** The whole film: colorized, published, the work folder removed. */
    record Whole() implements RenderScope {}

    /**
     * The film's shots found and kept with the job key in the work folder, and the plan written there as
     * {@code plan.json}; nothing colorized. Ends {@link RenderOutcome.Prepared}.
     *
     * @param plan the plan's text, made from what the preparation found (its plan file not yet set)
     */
    record Prepare(Function<RenderOutcome.Prepared, byte[]> plan) implements RenderScope {
        public Prepare {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * One part of a prepared render: its shots colorized into the shared work folder, resumable, with a
     * checksum record when done; a part already done and intact is left as it is. Ends {@link RenderOutcome.PartRendered}.
     *
     * @param index the part's number in the plan
     * @param shots every shot of the render (exemplars are assigned to shots over the whole list)
     * @param partShots the part's shots, a subset of {@code shots}
     * @param jobKey the key the render was prepared with; a request with another key is refused
     */
    record Part(int index, List<Shot> shots, List<Shot> partShots, String jobKey) implements RenderScope {
        public Part {
            shots = List.copyOf(shots);
            partShots = List.copyOf(partShots);
            Objects.requireNonNull(jobKey, "jobKey");
        }
    }

    /**
     * The output of a prepared render whose parts are all done: every part's checksums verified, the
     * segments joined without re-encoding (or the frames moved) into the output, the work folder removed.
     * A missing or damaged part fails with one line naming it. Ends {@link RenderOutcome.Completed}.
     *
     * @param shots every shot of the render
     * @param parts each part's shots, by index
     * @param jobKey the key the render was prepared with
     * @param remedy what to run for part N, for messages (e.g. {@code nitrate render-part PLAN --index %d})
     */
    record Assembly(List<Shot> shots, List<List<Shot>> parts, String jobKey, String remedy) implements RenderScope {
        public Assembly {
            shots = List.copyOf(shots);
            parts = parts.stream().map(List::copyOf).toList();
            Objects.requireNonNull(jobKey, "jobKey");
            Objects.requireNonNull(remedy, "remedy");
        }
    }
}
