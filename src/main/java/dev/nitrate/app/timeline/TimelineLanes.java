package dev.nitrate.app.timeline;

import dev.nitrate.app.preview.ExemplarCoverage;
import dev.nitrate.app.preview.FrameFigures;
import dev.nitrate.app.preview.PreviewViewModel;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.engine.confidence.ExemplarSuggester;
import dev.nitrate.engine.confidence.ExemplarSuggester.Suggestion;
import dev.nitrate.engine.shots.Shots;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Keeps the timeline's lanes up to date: whenever the shots, the exemplars or the cached previews change, the exemplar
 * coverage and the exemplar suggestions are worked out again on a background lane (latest wins) and handed to the
 * timeline.
 */
public final class TimelineLanes implements AutoCloseable {

    /** How many frames to suggest, and the fewest frames between two suggestions in one shot (as {@code nitrate suggest}). */
    public static final int SUGGESTIONS = 5;
    public static final int MIN_GAP = 48;

    private record Request(List<ProjectExemplar> exemplars, Shots shots, BitSet previewed, SortedMap<Integer, FrameFigures> figures) {}

    private final TimelineViewModel timeline;
    private final ObservableList<ProjectExemplar> exemplars;
    private final PreviewViewModel preview;
    private final LatestWinsScheduler<Request, LaneContent> scheduler;

    public TimelineLanes(Lane lane, Executor ui, TimelineViewModel timeline, ObservableList<ProjectExemplar> exemplars,
                         PreviewViewModel preview) {
        this.timeline = timeline;
        this.exemplars = exemplars;
        this.preview = preview;
        scheduler = new LatestWinsScheduler<>(lane, Duration.ofMillis(60), TimelineLanes::work, ui, timeline.lanesProperty()::set);
        timeline.shotsProperty().addListener((o, a, b) -> refresh());
        exemplars.addListener((ListChangeListener<ProjectExemplar>) c -> refresh());
        preview.changesProperty().addListener((o, a, b) -> refresh());
    }

    /** Works the lanes out again from the current state. */
    public void refresh() {
        scheduler.submit(new Request(List.copyOf(exemplars), timeline.shotsProperty().get(), preview.cachedFrames(), preview.figures()));
    }

    private static LaneContent work(Request request, BooleanSupplier stale) {
        List<ExemplarCoverage.ShotCoverage> coverage = ExemplarCoverage.of(request.exemplars(), request.shots());
        return new LaneContent(coverage, request.previewed(), request.figures(), suggest(request));
    }

    /** The suggestions over the previewed frames that have a confidence score; frames without one are never suggested. */
    static List<Suggestion> suggest(Request request) {
        Shots shots = request.shots();
        double[] scores = new double[shots.frameCount()];
        java.util.Arrays.fill(scores, Double.POSITIVE_INFINITY);
        boolean any = false;
        for (var entry : request.figures().entrySet()) {
            if (entry.getKey() < scores.length && entry.getValue().confidence().isPresent()) {
                scores[entry.getKey()] = entry.getValue().confidence().getAsDouble();
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        List<Integer> pinned = request.exemplars().stream().map(ProjectExemplar::frame).toList();
        return new ExemplarSuggester(MIN_GAP).suggest(scores, shots.startList(), pinned, SUGGESTIONS).stream()
                .filter(s -> Double.isFinite(s.score())).toList();
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
