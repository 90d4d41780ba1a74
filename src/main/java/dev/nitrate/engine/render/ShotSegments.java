package dev.nitrate.engine.render;

import dev.nitrate.engine.shots.Shot;
import java.util.ArrayList;
import java.util.List;

/**
 * The spool segments of a render: every shot cut into runs of at most the request's segment length,
 * counted from the shot's first frame. A segment never crosses a cut, so any group of whole shots is
 * spooled into exactly the segments a render of the whole film spools for them: the unit that lets
 * parts of a film render on different machines and still join into the same bytes.
 */
final class ShotSegments {

    private ShotSegments() {}

    /** The segments of {@code shots} (in frame order), each at most {@code segmentFrames} long. */
    static List<FrameRange> of(List<Shot> shots, int segmentFrames) {
        List<FrameRange> segments = new ArrayList<>();
        for (Shot shot : shots.stream().sorted((a, b) -> Long.compare(a.first(), b.first())).toList()) {
            for (long first = shot.first(); first <= shot.last(); first += segmentFrames) {
                segments.add(new FrameRange(first, Math.min(shot.last(), first + segmentFrames - 1)));
            }
        }
        return segments;
    }

    /** The index of the first segment that starts at or after {@code frame} ({@code segments.size()} when none does). */
    static int firstAtOrAfter(List<FrameRange> segments, long frame) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).first() >= frame) {
                return i;
            }
        }
        return segments.size();
    }

    static long frameCount(List<FrameRange> segments) {
        return segments.stream().mapToLong(FrameRange::frameCount).sum();
    }
}
