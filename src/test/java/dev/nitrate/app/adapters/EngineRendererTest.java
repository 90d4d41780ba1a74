package dev.nitrate.app.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nitrate.app.export.RenderContext;
import dev.nitrate.app.export.Renderer;
import dev.nitrate.app.project.ExportFormat;
import dev.nitrate.app.project.PinScope;
import dev.nitrate.app.project.ProjectExemplar;
import dev.nitrate.app.project.ProjectSettings;
import dev.nitrate.app.project.RenderRecord;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.Films;
import dev.nitrate.engine.video.Rational;
import dev.nitrate.testing.MeanChromaColorizerFactory;
import dev.nitrate.testing.Renders;
import dev.nitrate.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRendererTest {

    @TempDir
    Path folder;

    private static final Renderer.Listener QUIET = new Renderer.Listener() {
        @Override
        public void progress(String phase, double fraction, long done, long total, double framesPerSecond, long etaSeconds) {
        }

        @Override
        public void warning(String message) {
        }
    };

    private RenderContext context(Path film, int frames, List<ProjectExemplar> exemplars) throws Exception {
        return new RenderContext(Films.probe(film, FilmOpenOptions.defaults()), exemplars, ProjectSettings.DEFAULTS, Shots.single(frames));
    }

    private ProjectExemplar exemplar(Path image, int frame, ExemplarFit fit) {
        return new ProjectExemplar(image, "0", null, frame, PinScope.FRAME, fit);
    }

    private RenderRecord record(String id, Path output, int frames, boolean audio) {
        return new RenderRecord(id, output, ExportFormat.MP4_H264, 80, 0, frames, false, audio, 0, null);
    }

    @Test
    void theAudioCheckboxDecidesWhetherTheSoundtrackIsCopied() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 12, new Rational(25, 1));
        Path image = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        RenderContext context = context(film, 12, List.of(exemplar(image, 0, ExemplarFit.CROP)));
        EngineRenderer renderer = new EngineRenderer(new MeanChromaColorizerFactory());

        Path silent = folder.resolve("export-silent.mp4");
        RenderOutcome outcome = renderer.prepare(record("a", silent, 12, false), context, QUIET).run();
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        assertEquals(0, Films.probe(silent, FilmOpenOptions.defaults()).audioStreams().size());

        Path withSound = folder.resolve("export-sound.mp4");
        outcome = renderer.prepare(record("b", withSound, 12, true), context, QUIET).run();
        assertInstanceOf(RenderOutcome.Completed.class, outcome, outcome.toString());
        assertEquals(1, Films.probe(withSound, FilmOpenOptions.defaults()).audioStreams().size());
    }

    @Test
    void eachExemplarKeepsTheFitChosenForItInTheProject() throws Exception {
        Path film = TestMedia.filmWithAudio(folder, 48, new Rational(25, 1));
        Path image = folder.resolve("ex.png");
        RenderContext context = context(film, 48, List.of(exemplar(image, 0, ExemplarFit.PAD), exemplar(image, 24, ExemplarFit.STRETCH)));
        var request = EngineRenderer.requestFor(record("c", folder.resolve("out.mp4"), 48, true), context);
        assertEquals(List.of(ExemplarFit.PAD, ExemplarFit.STRETCH),
                request.exemplars().stream().map(e -> e.fitOr(ExemplarFit.CROP)).toList());
    }

    @Test
    void anExportReplacesAnExistingFileOnlyWhenTheUserChoseTo() throws Exception {
        Path film = TestMedia.numberedFilm(folder.resolve("film.mp4"), 64, 48, 6, new Rational(25, 1));
        Path image = Renders.solidExemplar(folder.resolve("ex.png"), 200, 80, 40);
        RenderContext context = context(film, 6, List.of(exemplar(image, 0, ExemplarFit.CROP)));
        EngineRenderer renderer = new EngineRenderer(new MeanChromaColorizerFactory());
        Path earlier = Files.writeString(folder.resolve("earlier.mp4"), "an earlier export");

        RenderOutcome refused = renderer.prepare(record("d", earlier, 6, false), context, QUIET).run();
        assertInstanceOf(RenderOutcome.Failed.class, refused, refused.toString());
        assertTrue(((RenderOutcome.Failed) refused).message().contains("exists"), refused.toString());
        assertEquals("an earlier export", Files.readString(earlier));

        RenderRecord replace = new RenderRecord("e", earlier, ExportFormat.MP4_H264, 80, 0, 6, false, false, 0, null, true);
        RenderOutcome replaced = renderer.prepare(replace, context, QUIET).run();
        assertInstanceOf(RenderOutcome.Completed.class, replaced, replaced.toString());
        assertEquals(6, Films.probe(earlier, FilmOpenOptions.defaults()).frameCount());

        RenderOutcome onTheFilm = renderer.prepare(new RenderRecord("f", film, ExportFormat.MP4_H264, 80, 0, 6, false, false, 0, null, true),
                context, QUIET).run();
        assertInstanceOf(RenderOutcome.Failed.class, onTheFilm, "never the film itself, even when replacing is allowed");
    }
}
