package dev.nitrate.app.timeline;

import dev.nitrate.engine.shots.Shots;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The playhead, playback and zoom of the timeline. Keys: left/right a frame, shift a shot, Home/End, Space
 * play/pause, J/K/L shuttle (J and L again double the speed).
 */
public final class TimelineViewModel {

    private static final double MIN_PIXELS_PER_FRAME = 0.05;
    private static final double MAX_PIXELS_PER_FRAME = 64;

    private final IntegerProperty frameCount = new SimpleIntegerProperty(1);
    private final DoubleProperty framesPerSecond = new SimpleDoubleProperty(25);
    private final IntegerProperty currentFrame = new SimpleIntegerProperty(0);
    private final DoubleProperty playbackRate = new SimpleDoubleProperty(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty pixelsPerFrame = new SimpleDoubleProperty(4);
    private final ObjectProperty<Shots> shots = new SimpleObjectProperty<>(Shots.single(1));
    private final ObservableList<Integer> exemplarFrames = FXCollections.observableArrayList();
    private final ObjectProperty<LaneContent> lanes = new SimpleObjectProperty<>(LaneContent.EMPTY);
    private double playbackCarry;

    public TimelineViewModel() {
        playing.bind(playbackRate.isNotEqualTo(0, 0));
    }

    public void load(int count, double fps) {
        stop();
        frameCount.set(count);
        framesPerSecond.set(fps);
        shots.set(Shots.single(count));
        currentFrame.set(0);
    }

    public void seek(int frame) {
        currentFrame.set(Math.max(0, Math.min(frameCount.get() - 1, frame)));
    }

    public void step(int frames) {
        seek(currentFrame.get() + frames);
    }

    public void nextShot() {
        Shots s = shots.get();
        int shot = s.shotOf(currentFrame.get());
        seek(shot + 1 < s.count() ? s.start(shot + 1) : frameCount.get() - 1);
    }

    public void previousShot() {
        Shots s = shots.get();
        int shot = s.shotOf(currentFrame.get());
        seek(currentFrame.get() > s.start(shot) ? s.start(shot) : s.start(Math.max(0, shot - 1)));
    }

    public void home() {
        seek(0);
    }

    public void end() {
        seek(frameCount.get() - 1);
    }

    public void togglePlay() {
        playbackRate.set(playing.get() ? 0 : 1);
        playbackCarry = 0;
    }

    public void stop() {
        playbackRate.set(0);
        playbackCarry = 0;
    }

    /** J: play backwards, faster each press. */
    public void shuttleBackward() {
        double rate = playbackRate.get();
        playbackRate.set(rate < 0 ? Math.max(-8, rate * 2) : -1);
    }

    /** L: play forwards, faster each press. */
    public void shuttleForward() {
        double rate = playbackRate.get();
        playbackRate.set(rate > 0 ? Math.min(8, rate * 2) : 1);
    }

    /** Moves the playhead by the frames that elapsed in {@code seconds} of playback; stops at either end. */
    public void advance(double seconds) {
        if (playbackRate.get() == 0) {
            return;
        }
        playbackCarry += seconds * framesPerSecond.get() * playbackRate.get();
        int whole = (int) playbackCarry;
        if (whole != 0) {
            playbackCarry -= whole;
            int target = currentFrame.get() + whole;
            seek(target);
            if (target <= 0 || target >= frameCount.get() - 1) {
                stop();
            }
        }
    }

    public void zoomBy(double factor) {
        pixelsPerFrame.set(Math.max(MIN_PIXELS_PER_FRAME, Math.min(MAX_PIXELS_PER_FRAME, pixelsPerFrame.get() * factor)));
    }

    public void zoomToFit(double widthPixels) {
        pixelsPerFrame.set(Math.max(MIN_PIXELS_PER_FRAME, Math.min(MAX_PIXELS_PER_FRAME, widthPixels / frameCount.get())));
    }

    public int currentShot() {
        return shots.get().shotOf(currentFrame.get());
    }

    public IntegerProperty frameCountProperty() {
        return frameCount;
    }

    public DoubleProperty framesPerSecondProperty() {
        return framesPerSecond;
    }

    public IntegerProperty currentFrameProperty() {
        return currentFrame;
    }

    public DoubleProperty playbackRateProperty() {
        return playbackRate;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty pixelsPerFrameProperty() {
        return pixelsPerFrame;
    }

    public ObjectProperty<Shots> shotsProperty() {
        return shots;
    }

    /** The exemplar coverage, previewed frames, per-frame figures and suggestions the lanes show. */
    public ObjectProperty<LaneContent> lanesProperty() {
        return lanes;
    }

    public ObservableList<Integer> exemplarFrames() {
        return exemplarFrames;
    }
}
