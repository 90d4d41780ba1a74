package dev.nitrate.engine.render;

import dev.nitrate.engine.confidence.ConfidenceOverlay;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The colorizer's per-pixel confidence as a folder of 16-bit grayscale PNGs (0 = no confidence, 65535 = full),
 * written in its own work folder and moved into place with the render; with the overlay, also each rendered frame
 * with its low-confidence pixels hatched ({@link ConfidenceOverlay}), as 8-bit RGB PNGs {@code overlay_NNNNNN.png}.
 */
final class ConfidenceFiles {

    private final OutputGuard guard;
    private final Path frames;
    private final boolean overlay;

    private ConfidenceFiles(OutputGuard guard, Path frames, boolean overlay) {
        this.guard = guard;
        this.frames = frames;
        this.overlay = overlay;
    }

    /** Opens the work folder; a render that starts over (no checkpoint) empties it first. */
    static ConfidenceFiles open(OutputGuard guard, boolean startingOver, boolean overlay) throws IOException, OutputRefusedException {
        Path work = guard.openWorkFolder();
        if (startingOver) {
            guard.clearWorkFolder();
        }
        Path frames = work.resolve("frames");
        Files.createDirectories(frames);
        return new ConfidenceFiles(guard, frames, overlay);
    }

    void write(long frame, Optional<FloatPlane> confidence, RgbPixels rendered, String pack) throws MediaException {
        FloatPlane plane = confidence.orElseThrow(() -> new MediaException(guard.typed(),
                "the model pack " + pack + " gives no confidence map; leave out --confidence or use the built-in pack"));
        BufferedImage image = new BufferedImage(plane.width(), plane.height(), BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        float[] values = plane.values();
        int[] row = new int[plane.width()];
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                float c = values[y * plane.width() + x];
                row[x] = Math.round(Math.max(0f, Math.min(1f, c)) * 65535f);
            }
            raster.setSamples(0, y, plane.width(), 1, 0, row);
        }
        writePng(image, String.format("frame_%06d.png", frame));
        if (overlay) {
            byte[] tinted = ConfidenceOverlay.apply(rendered.toRgb8(), plane);
            BufferedImage review = new BufferedImage(plane.width(), plane.height(), BufferedImage.TYPE_3BYTE_BGR);
            int[] pixel = new int[3];
            WritableRaster out = review.getRaster();
            for (int i = 0; i < plane.pixelCount(); i++) {
                pixel[0] = tinted[3 * i] & 0xFF;
                pixel[1] = tinted[3 * i + 1] & 0xFF;
                pixel[2] = tinted[3 * i + 2] & 0xFF;
                out.setPixel(i % plane.width(), i / plane.width(), pixel);
            }
            writePng(review, String.format("overlay_%06d.png", frame));
        }
    }

    private void writePng(BufferedImage image, String name) throws MediaException {
        try {
            if (!ImageIO.write(image, "png", frames.resolve(name).toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new MediaException(guard.typed(), "cannot write a confidence frame (" + IoFailure.reason(e) + ")", e);
        }
    }

    void publish() throws MediaException, OutputRefusedException {
        try {
            guard.publishFolder(frames);
            guard.removeWorkFolder();
        } catch (IOException e) {
            throw new MediaException(guard.typed(), "cannot move the finished confidence frames into place (" + IoFailure.reason(e) + ")", e);
        }
    }
}
