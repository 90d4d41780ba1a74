package dev.nitrate.engine.metrics;

import dev.nitrate.engine.video.RgbPixels.Rgb8;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Reads the committed PNG test frames from the classpath. */
final class PngFrames {

    static final String AGREEMENT = "/metrics/agreement/";

    private PngFrames() {}

    static Rgb8 read(String resource) {
        try (InputStream in = PngFrames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedImage image = ImageIO.read(in);
            int w = image.getWidth();
            int h = image.getHeight();
            byte[] rgb = new byte[w * h * 3];
            for (int y = 0, j = 0; y < h; y++) {
                for (int x = 0; x < w; x++, j += 3) {
                    int p = image.getRGB(x, y);
                    rgb[j] = (byte) (p >> 16);
                    rgb[j + 1] = (byte) (p >> 8);
                    rgb[j + 2] = (byte) p;
                }
            }
            return new Rgb8(w, h, rgb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frames {@code first .. first + count - 1} of a folder of {@code %05d.png} files. */
    static List<Rgb8> sequence(String folder, int first, int count) {
        List<Rgb8> frames = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            frames.add(read(AGREEMENT + folder + "/" + String.format("%05d.png", i)));
        }
        return frames;
    }

    static RgbFrameSource source(List<Rgb8> frames) {
        Iterator<Rgb8> it = frames.iterator();
        return new RgbFrameSource() {
            @Override
            public int width() {
                return frames.get(0).width();
            }

            @Override
            public int height() {
                return frames.get(0).height();
            }

            @Override
            public Optional<Rgb8> next() {
                return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
            }

            @Override
            public void close() {}
        };
    }
}
