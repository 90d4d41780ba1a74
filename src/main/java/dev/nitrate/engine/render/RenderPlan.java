package dev.nitrate.engine.render;

import dev.nitrate.engine.exemplar.ExemplarImage;
import dev.nitrate.engine.exemplar.Exemplars;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.shots.ShotExemplars;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.MediaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a render colours with: the exemplars pinned inside the rendered frames, fitted to the film.
 *
 * @param exemplars the fitted exemplars, in the request's order
 * @param pinnedFrames the frame each of {@code exemplars} is pinned to
 * @param notes why an exemplar colours nothing in this render (pinned outside the range)
 */
record RenderPlan(List<LabImage> exemplars, List<Long> pinnedFrames, List<String> notes) {

    RenderPlan {
        exemplars = List.copyOf(exemplars);
        pinnedFrames = List.copyOf(pinnedFrames);
        notes = List.copyOf(notes);
    }

    /**
     * Loads and fits the request's exemplars for {@code range} of a film described by {@code info}.
     *
     * @param warnings hears about exemplars that give the model no colour
     * @throws MediaException when an exemplar cannot be read, is pinned beyond the film, or none is pinned inside the range
     */
    static RenderPlan of(RenderRequest request, FilmInfo info, FrameRange range, Consumer<String> warnings) throws MediaException {
        List<LabImage> fitted = new ArrayList<>();
        List<Long> pinnedFrames = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PinnedExemplar pinned : request.exemplars()) {
            long frame = pinned.frameOr(range.first());
            if (frame >= info.frameCount()) {
                throw new MediaException(pinned.image(), "pinned to frame " + frame + ", beyond the end of " + request.film()
                        + " (" + info.frameCount() + " frames, 0-" + (info.frameCount() - 1) + ")");
            }
            ExemplarImage image = Exemplars.load(pinned.image(), info.width(), info.height());
            if (image.isGrayscale()) {
                warnings.accept(pinned.image() + ": this exemplar is grayscale (mean chroma "
                        + String.format(Locale.ROOT, "%.1f", image.meanChroma()) + "); it gives the model no colour to spread");
            }
            if (frame < range.first() || frame > range.last()) {
                notes.add(pinned + ": pinned outside the rendered frames " + range + "; it colours nothing in this render");
                continue;
            }
            fitted.add(Exemplars.fit(image, info.width(), info.height(), pinned.fitOr(request.fit())));
            pinnedFrames.add(frame);
        }
        if (fitted.isEmpty()) {
            throw new MediaException(request.film(), "no exemplar is pinned inside the rendered frames " + range);
        }
        return new RenderPlan(fitted, pinnedFrames, notes);
    }

    /**
     * The frames where a new sequence starts, with the exemplars it starts from: each shot's first frame, its
     * exemplars all separate references. With {@code exemplarIsFrame}, also every frame an exemplar is pinned to:
     * there the exemplar is that frame's colour version, followed by the shot's other exemplars as separate
     * references (when two are pinned to one frame, the first given is the frame's colour).
     */
    Map<Long, SequenceStart> sequenceStarts(List<Shot> shots, boolean exemplarIsFrame) {
        Map<Long, SequenceStart> starts = new HashMap<>();
        List<ShotExemplars.Assignment> assignments = ShotExemplars.assign(shots, pinnedFrames);
        for (ShotExemplars.Assignment assignment : assignments) {
            starts.put(assignment.shot().first(), new SequenceStart(assignment.exemplarIndexes().stream().map(exemplars::get).toList(), false));
        }
        if (exemplarIsFrame) {
            for (int i = 0; i < exemplars.size(); i++) {
                long frame = pinnedFrames.get(i);
                SequenceStart existing = starts.get(frame);
                if (existing != null && existing.firstFrameIsExemplar()) {
                    continue;
                }
                List<LabImage> ordered = new ArrayList<>(List.of(exemplars.get(i)));
                for (ShotExemplars.Assignment assignment : assignments) {
                    if (assignment.shot().contains(frame)) {
                        int self = i;
                        assignment.exemplarIndexes().stream().filter(j -> j != self).map(exemplars::get).forEach(ordered::add);
                    }
                }
                starts.put(frame, new SequenceStart(ordered, true));
            }
        }
        return starts;
    }
}
