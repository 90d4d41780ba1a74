package dev.nitrate.app;

import dev.nitrate.app.exemplars.ExemplarsViewModel;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.preview.ColorizeJob;
import dev.nitrate.app.preview.ExemplarSelection;
import dev.nitrate.app.preview.PreviewViewModel;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.timeline.TimelineViewModel;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmInfo;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Starts previews of the current shot or of the frames around the playhead, with the exemplars that colour them. */
final class PreviewLauncher {

    private final TimelineViewModel timeline;
    private final ExemplarsViewModel exemplars;
    private final PreviewViewModel preview;
    private final Supplier<FilmInfo> film;
    private final Supplier<ProjectSettings> settings;
    private final Consumer<String> report;

    PreviewLauncher(TimelineViewModel timeline, ExemplarsViewModel exemplars, PreviewViewModel preview, Supplier<FilmInfo> film,
                    Supplier<ProjectSettings> settings, Consumer<String> report) {
        this.timeline = timeline;
        this.exemplars = exemplars;
        this.preview = preview;
        this.film = film;
        this.settings = settings;
        this.report = report;
    }

    void currentShot() {
        Shots shots = timeline.shotsProperty().get();
        int shot = timeline.currentShot();
        startPreview(shots.start(shot), shots.end(shot), "shot " + (shot + 1));
    }

    void aroundPlayhead() {
        int frame = timeline.currentFrameProperty().get();
        int count = timeline.frameCountProperty().get();
        startPreview(Math.max(0, frame - EditorViewModel.PREVIEW_RADIUS), Math.min(count, frame + EditorViewModel.PREVIEW_RADIUS + 1),
                "frames around " + frame);
    }

    private void startPreview(int first, int end, String what) {
        FilmInfo info = film.get();
        if (info == null) {
            report.accept("Open a film first.");
            return;
        }
        List<ProjectExemplar> chosen = ExemplarSelection.forRange(exemplars.snapshot(), timeline.shotsProperty().get(), first, end);
        if (chosen.isEmpty()) {
            report.accept("Add an exemplar first: the colorizer needs at least one colour reference.");
            return;
        }
        int[] size = FilmFacts.previewSize(info, settings.get().previewHeight());
        preview.start(new ColorizeJob(info.source(), first, end, chosen, settings.get(), size[0], size[1]), what);
    }
}
