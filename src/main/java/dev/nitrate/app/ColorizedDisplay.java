package dev.nitrate.app;

import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.preview.PreviewViewModel;
import dev.nitrate.app.tasks.Lane;
import dev.nitrate.app.timeline.LatestWinsScheduler;
import dev.nitrate.engine.confidence.ConfidenceOverlay;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * The colorized picture the viewer shows for the current frame: the cached preview, or, with the confidence overlay on
 * and a colorizer that gives a confidence, that preview with its low-confidence pixels hatched in magenta
 * ({@link ConfidenceOverlay}), worked out on a background lane.
 */
final class ColorizedDisplay implements AutoCloseable {

    private record Request(int frame, Image preview, FloatPlane confidence) {}

    private record Tinted(int frame, Image preview, Image tinted) {}

    private final PreviewViewModel preview;
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final BooleanProperty overlay = new SimpleBooleanProperty(false);
    private final LatestWinsScheduler<Request, Tinted> tinting;
    private int frame = -1;

    /** @param notices hears, when the overlay is turned on, that the shown preview has no confidence to overlay */
    ColorizedDisplay(PreviewViewModel preview, Lane lane, Executor ui, Consumer<String> notices) {
        this.preview = preview;
        tinting = new LatestWinsScheduler<>(lane, Duration.ZERO, ColorizedDisplay::tint, ui, this::showTinted);
        overlay.addListener((o, a, b) -> {
            if (frame >= 0) {
                show(frame);
            }
            if (b && frame >= 0 && preview.cached(frame) != null && preview.confidence(frame).isEmpty()) {
                notices.accept("Confidence overlay: this model pack gives no confidence, so there is nothing to hatch");
            }
        });
    }

    /** Shows the preview of {@code frame} (none when it has none), tinted when the overlay is on. */
    void show(int shownFrame) {
        frame = shownFrame;
        Image cached = preview.cached(shownFrame);
        image.set(cached);
        if (overlay.get() && cached != null) {
            preview.confidence(shownFrame).ifPresent(c -> tinting.submit(new Request(shownFrame, cached, c)));
        }
    }

    /** Shows no colorized picture (the look changed). */
    void clear() {
        frame = -1;
        image.set(null);
    }

    private void showTinted(Tinted tinted) {
        if (overlay.get() && tinted.frame() == frame && image.get() == tinted.preview()) {
            image.set(tinted.tinted());
        }
    }

    private static Tinted tint(Request request, BooleanSupplier stale) {
        Image picture = request.preview();
        int width = (int) picture.getWidth();
        int height = (int) picture.getHeight();
        byte[] bgra = new byte[width * height * 4];
        picture.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getByteBgraInstance(), bgra, 0, width * 4);
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
            rgb[i] = bgra[j + 2];
            rgb[i + 1] = bgra[j + 1];
            rgb[i + 2] = bgra[j];
        }
        if (stale.getAsBoolean()) {
            return null;
        }
        FloatPlane confidence = Resampler.bilinear(request.confidence(), width, height);
        byte[] tinted = ConfidenceOverlay.apply(rgb, confidence);
        return new Tinted(request.frame(), picture, Pictures.toImage(new Rgb8(width, height, tinted)));
    }

    ObjectProperty<Image> imageProperty() {
        return image;
    }

    /** Whether low-confidence pixels are hatched. */
    BooleanProperty overlayProperty() {
        return overlay;
    }

    @Override
    public void close() {
        tinting.close();
    }
}
