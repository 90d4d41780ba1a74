package dev.nitrate.engine.cluster;

import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.shots.Shot;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A render split into parts for a cluster: the request (every input and option, with absolute paths),
 * the checksums of its inputs when planned, the job key, the shots, and the parts (groups of whole
 * shots balanced by frame count). Stored as JSON by {@link PlanFormat}.
 *
 * @param request the render; every part and the assembly run exactly this request
 * @param inputs checksums of the film, exemplars and pack when the plan was made
 * @param jobKey the digest of everything that determines the output (the work folder's key)
 * @param range the rendered frames
 * @param shots every shot over {@code range}, in order
 * @param parts the parts, by index
 */
public record ClusterPlan(RenderRequest request, Inputs inputs, String jobKey, FrameRange range, List<Shot> shots, List<Part> parts) {

    /** The format name written into every plan. */
    public static final String FORMAT = "nitrate-plan/1";

    public ClusterPlan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(jobKey, "jobKey");
        shots = List.copyOf(shots);
        parts = List.copyOf(parts);
    }

    /**
     * One part: whole shots, rendered by one task.
     *
     * @param index the part's number, from 0
     * @param shots its shots, in frame order
     */
    public record Part(int index, List<Shot> shots) {
        public Part {
            shots = List.copyOf(shots);
        }

        public long frames() {
            return shots.stream().mapToLong(Shot::frameCount).sum();
        }
    }

    /**
     * What the inputs were when the plan was made.
     *
     * @param filmSize the film's size in bytes (0 for an image sequence)
     * @param filmSha256 the film's checksum (for a sequence: of its frame files' names and checksums)
     * @param exemplarSha256 each exemplar's checksum, in the request's order
     * @param packManifestSha256 the checksum of the pack's {@code pack.json}
     * @param packGraphs each graph of the pack by role, with the checksum its manifest gives (and loading verifies)
     */
    public record Inputs(long filmSize, String filmSha256, List<String> exemplarSha256, String packManifestSha256, Map<String, String> packGraphs) {
        public Inputs {
            exemplarSha256 = List.copyOf(exemplarSha256);
            packGraphs = Map.copyOf(packGraphs);
        }
    }

    /** Frames in the render. */
    public long frames() {
        return range.frameCount();
    }

    /** The part with {@code index}, or an exception naming the valid indexes. */
    public Part part(int index) {
        if (index < 0 || index >= parts.size()) {
            throw new IllegalArgumentException("--index " + index + ": the plan has parts 0-" + (parts.size() - 1));
        }
        return parts.get(index);
    }
}
