package dev.nitrate.app;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.tasks.CancellationToken;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import dev.nitrate.app.timeline.ThumbnailCache;
import dev.nitrate.app.timeline.TimelineViewModel;
import dev.nitrate.engine.shots.Shots;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * The open film: the frame under the playhead for the viewer (the latest request wins), its thumbnails and its
 * shots, found in the background. All methods run on the UI thread.
 */
final class FilmViewModel implements AutoCloseable {

    private static final int MAX_VIEW_WIDTH = 1920;
    /** Two decoders, so the frame under a stopped playhead starts decoding while an overtaken one finishes. */
    private static final int SCRUB_WORKERS = Integer.getInteger("nitrate.scrubWorkers", 2);

    private final Services services;
    private final Executor ui;
    private final Lane shotLane;
    private final TimelineViewModel timeline;
    private final Consumer<String> notices;
    private final IntConsumer frameRequested;
    private final LatestWinsScheduler<FrameDecoder.Request, DecodedFrame> scrubber;
    private final ObjectProperty<FilmInfo> film = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> sourceImage = new SimpleObjectProperty<>();
    private final StringProperty caption = new SimpleStringProperty("");
    private final BooleanProperty detectingShots = new SimpleBooleanProperty(false);
    private final LongProperty lastScrubLatencyNanos = new SimpleLongProperty(-1);
    private final ObjectProperty<Integer> shownFrame = new SimpleObjectProperty<>();
    private ThumbnailCache thumbnails;
    private Consumer<ThumbnailCache> thumbnailsChanged = c -> { };
    private volatile long lastScrubRequestNanos;
    private CancellationToken shotDetection = new CancellationToken();

    /**
     * @param frameRequested told of each frame the viewer moves to (also when it is shown), so that the colorized
     *     side can follow
     */
    FilmViewModel(Services services, Executor ui, TimelineViewModel timeline,
                  Consumer<String> notices, IntConsumer frameRequested) {
        this.services = services;
        this.ui = ui;
        this.shotLane = services.tasks().lane("shots");
        this.timeline = timeline;
        this.notices = notices;
        this.frameRequested = frameRequested;
        FrameDecoder decoder = new FrameDecoder(services.films(), MAX_VIEW_WIDTH);
        scrubber = new LatestWinsScheduler<>(services.tasks().lane("scrub", SCRUB_WORKERS, decoder::releaseReader),
                Duration.ofMillis(4), decoder, ui, this::showFrame);
        timeline.currentFrameProperty().addListener((o, a, b) -> requestFrame(b.intValue()));
    }

    void load(FilmInfo info) {
        closeThumbnails();
        shotDetection.cancel();
        film.set(info);
        sourceImage.set(null);
        timeline.load(FilmFacts.frameCount(info), info.frameRate().toDouble());
        thumbnails = new ThumbnailCache(services.tasks().lane("thumbnails"), services.films(), info.source(), 64, ui, f -> { },
                () -> System.nanoTime() - lastScrubRequestNanos < 400_000_000L);
        thumbnailsChanged.accept(thumbnails);
        requestFrame(0);
        detectShots(info);
    }

    /** Closes the film (a project without one). */
    void unload() {
        closeThumbnails();
        shotDetection.cancel();
        detectingShots.set(false);
        film.set(null);
        sourceImage.set(null);
        caption.set("");
        timeline.load(0, 25);
    }

    private void detectShots(FilmInfo info) {
        detectingShots.set(true);
        shotDetection = shotLane.submit(token -> {
            try (FilmReader reader = services.films().open(info.source())) {
                Shots shots = services.shotFinder().detect(reader, n -> { }, token::isCancelled);
                ui.execute(() -> {
                    if (token == shotDetection && !token.isCancelled()) {
                        timeline.shotsProperty().set(shots);
                        detectingShots.set(false);
                    }
                });
            } catch (FilmException | RuntimeException e) {
                ui.execute(() -> {
                    if (token == shotDetection && !token.isCancelled()) {
                        detectingShots.set(false);
                        notices.accept("Shot detection failed: " + e.getMessage());
                    }
                });
            }
        });
    }

    private void requestFrame(int frame) {
        FilmInfo info = film.get();
        if (info == null) {
            return;
        }
        lastScrubRequestNanos = System.nanoTime();
        scrubber.submit(new FrameDecoder.Request(info.source(), frame));
        frameRequested.accept(frame);
        caption.set(String.format("Frame %d / %d   %s   Shot %d", frame, info.frameCount() - 1, FilmFacts.timecode(info, frame),
                timeline.currentShot() + 1));
    }

    private void showFrame(DecodedFrame frame) {
        if (film.get() == null || frame.index() != timeline.currentFrameProperty().get()) {
            return;
        }
        sourceImage.set(Pictures.toImage(frame.pixels()));
        frameRequested.accept((int) frame.index());
        shownFrame.set((int) frame.index());
        lastScrubLatencyNanos.set(System.nanoTime() - lastScrubRequestNanos);
    }

    void onThumbnailsChanged(Consumer<ThumbnailCache> listener) {
        thumbnailsChanged = listener;
        if (thumbnails != null) {
            listener.accept(thumbnails);
        }
    }

    private void closeThumbnails() {
        if (thumbnails != null) {
            thumbnails.close();
            thumbnails = null;
        }
    }

    @Override
    public void close() {
        shotDetection.cancel();
        scrubber.close();
        closeThumbnails();
    }

    ObjectProperty<FilmInfo> filmProperty() {
        return film;
    }

    ObjectProperty<Image> sourceImageProperty() {
        return sourceImage;
    }

    StringProperty captionProperty() {
        return caption;
    }

    BooleanProperty detectingShotsProperty() {
        return detectingShots;
    }

    LongProperty lastScrubLatencyNanosProperty() {
        return lastScrubLatencyNanos;
    }

    ObjectProperty<Integer> shownFrameProperty() {
        return shownFrame;
    }

    ThumbnailCache thumbnails() {
        return thumbnails;
    }
}
