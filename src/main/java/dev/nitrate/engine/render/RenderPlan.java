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

    /** The frames where a new sequence starts (each shot's first), with the exemplars it starts from. */
    Map<Long, List<LabImage>> sequenceStarts(List<Shot> shots) {
        Map<Long, List<LabImage>> starts = new HashMap<>();
        for (ShotExemplars.Assignment assignment : ShotExemplars.assign(shots, pinnedFrames)) {
            starts.put(assignment.shot().first(), assignment.exemplarIndexes().stream().map(exemplars::get).toList());
        }
        return starts;
    }
}
