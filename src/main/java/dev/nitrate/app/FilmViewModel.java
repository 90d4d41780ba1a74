package dev.nitrate.app;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmFacts;
import dev.nitrate.app.media.FilmProxies;
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
    /** Largest size of a frame shown while the playhead moves (a drag), and of playback frames. */
    static final int MOVING_SIZE = 960;
    /** Requests closer together than this mean the playhead is moving. */
    private static final long MOVING_NANOS = 120_000_000L;
    /** Two decoders, so the frame under a stopped playhead starts decoding while an overtaken one finishes. */
    private static final int SCRUB_WORKERS = Integer.getInteger("nitrate.scrubWorkers", 2);
    /** Whether films get a proxy for quick jumps (on unless {@code -Dnitrate.proxies=false}). */
    private static final boolean PROXIES = Boolean.parseBoolean(System.getProperty("nitrate.proxies", "true"));

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
    private final LongProperty firstPictureNanos = new SimpleLongProperty(-1);
    private final ObjectProperty<Integer> shownFrame = new SimpleObjectProperty<>();
    private ThumbnailCache thumbnails;
    private Consumer<ThumbnailCache> thumbnailsChanged = c -> { };
    private volatile long lastScrubRequestNanos;
    private CancellationToken shotDetection = new CancellationToken();
    private final FilmProxies proxies;
    private final Lane proxyLane;
    private CancellationToken proxyBuild = new CancellationToken();
    private volatile boolean playing;
    private PlaybackDecoder playback;
    private final StringProperty playbackStatus = new SimpleStringProperty("");
    private long playbackShown;
    private long playbackStartNanos;

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
        proxies = new FilmProxies(services.films(), services.appData().resolve("proxies"));
        proxyLane = services.tasks().lane("proxies");
        FrameDecoder decoder = new FrameDecoder(services.films(), proxies, MAX_VIEW_WIDTH, early -> ui.execute(() -> showEarly(early)));
        scrubber = new LatestWinsScheduler<>(services.tasks().lane("scrub", SCRUB_WORKERS, decoder::releaseReader),
                Duration.ofMillis(4), decoder, ui, this::showFrame, true);
        timeline.currentFrameProperty().addListener((o, a, b) -> requestFrame(b.intValue()));
        timeline.playingProperty().addListener((o, a, b) -> updatePlayback());
        timeline.playbackRateProperty().addListener((o, a, b) -> updatePlayback());
    }

    void load(FilmInfo info) {
        stopPlayback();
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
        prepareProxy(info);
    }

    /** Reuses or builds the film's proxy in the background, pausing while the viewer decodes or plays. */
    private void prepareProxy(FilmInfo info) {
        proxyBuild.cancel();
        if (!PROXIES) {
            return;
        }
        proxyBuild = proxyLane.submit(token -> {
            FilmProxies.Outcome outcome = proxies.prepare(info.source(), () -> waitWhileBusy(token));
            if (outcome instanceof FilmProxies.Failed failed && !token.isCancelled()) {
                ui.execute(() -> notices.accept("No proxy for quick jumps: " + failed.reason()));
            }
        });
    }

    private boolean waitWhileBusy(CancellationToken token) {
        try {
            while (!token.isCancelled() && (playing || System.nanoTime() - lastScrubRequestNanos < 400_000_000L)) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return token.isCancelled();
    }

    /** Closes the film (a project without one). */
    void unload() {
        proxyBuild.cancel();
        stopPlayback();
        closeThumbnails();
        shotDetection.cancel();
        detectingShots.set(false);
        film.set(null);
        sourceImage.set(null);
        caption.set("");
        timeline.load(0, 25);
    }

    /** Uses the given shots (a project's edited ones) instead of detecting them. */
    void useShots(Shots shots) {
        shotDetection.cancel();
        detectingShots.set(false);
        timeline.shotsProperty().set(shots);
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
        caption.set(String.format("Frame %d / %d   %s   Shot %d", frame, info.frameCount() - 1, FilmFacts.timecode(info, frame),
                timeline.currentShot() + 1));
        frameRequested.accept(frame);
        if (playback != null) {
            PlaybackDecoder.Decoded decoded = playback.take(frame);
            if (decoded != null) {
                sourceImage.set(decoded.image());
                shownFrame.set(decoded.index());
                playbackShown++;
            }
            double seconds = (System.nanoTime() - playbackStartNanos) / 1e9;
            playbackStatus.set(String.format("Playing: %.1f frames/s shown, %d dropped", seconds > 0 ? playbackShown / seconds : 0,
                    playback.dropped()));
            caption.set(caption.get() + "   " + playbackStatus.get());
            return;
        }
        long now = System.nanoTime();
        boolean moving = now - lastScrubRequestNanos < MOVING_NANOS;
        lastScrubRequestNanos = now;
        scrubber.submit(new FrameDecoder.Request(info.source(), frame, moving ? MOVING_SIZE : MAX_VIEW_WIDTH));
    }

    /** Forward playback decodes ahead on its own lane; backward shuttling and scrubbing use random access. */
    private void updatePlayback() {
        FilmInfo info = film.get();
        boolean forward = info != null && timeline.playingProperty().get() && timeline.playbackRateProperty().get() > 0;
        if (forward && playback == null) {
            playback = new PlaybackDecoder(services.tasks().lane("playback"), services.films(), info.source(),
                    timeline.currentFrameProperty().get(), FilmFacts.frameCount(info), MOVING_SIZE);
            playbackShown = 0;
            playbackStartNanos = System.nanoTime();
            playing = true;
        } else if (!forward && playback != null) {
            stopPlayback();
            requestFrame(timeline.currentFrameProperty().get());
        }
    }

    private void stopPlayback() {
        if (playback != null) {
            playback.close();
            playback = null;
            playing = false;
            playbackStatus.set("");
        }
    }

    private void showFrame(DecodedFrame frame) {
        if (film.get() == null || playback != null) {
            return;
        }
        sourceImage.set(Pictures.toImage(frame.pixels()));
        int current = timeline.currentFrameProperty().get();
        if (frame.index() != current) {
            return;
        }
        frameRequested.accept(current);
        shownFrame.set(current);
        lastScrubLatencyNanos.set(System.nanoTime() - lastScrubRequestNanos);
        FilmInfo info = film.get();
        boolean reduced = frame.width() < Math.min(info.width(), MAX_VIEW_WIDTH) && frame.height() < Math.min(info.height(), MAX_VIEW_WIDTH);
        if (reduced) {
            scrubber.submit(new FrameDecoder.Request(info.source(), current, MAX_VIEW_WIDTH));
        }
    }

    /**
     * The picture shown while a jump decodes: the proxy's picture of the frame itself (which counts as shown), or the keyframe
     * before it; not when the frame is already on screen.
     */
    private void showEarly(DecodedFrame early) {
        Integer shown = shownFrame.get();
        int current = timeline.currentFrameProperty().get();
        if (film.get() == null || playback != null || shown != null && shown == current) {
            return;
        }
        sourceImage.set(Pictures.toImage(early.pixels()));
        firstPictureNanos.set(System.nanoTime() - lastScrubRequestNanos);
        if (early.index() == current) {
            shownFrame.set(current);
        }
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
        proxyBuild.cancel();
        stopPlayback();
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

    /** Time from the last request to the keyframe picture of a jump (when one was shown first). */
    LongProperty firstPictureNanosProperty() {
        return firstPictureNanos;
    }

    /** "Playing: N frames/s shown, M dropped" during forward playback. */
    StringProperty playbackStatusProperty() {
        return playbackStatus;
    }

    ObjectProperty<Integer> shownFrameProperty() {
        return shownFrame;
    }

    ThumbnailCache thumbnails() {
        return thumbnails;
    }
}
