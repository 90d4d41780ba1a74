package dev.nitrate.app.interim;

import dev.nitrate.app.exemplars.ExemplarFitter;
import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import dev.nitrate.engine.color.CieLab;
import dev.nitrate.engine.image.LabImage;
import dev.nitrate.engine.project.ExemplarFit;
import java.nio.file.Path;
import java.util.Arrays;

/** Fits exemplars by scaling: cover crops the centre, contain pads with mid grey, stretch scales each axis. */
public final class ScalingExemplarFitter implements ExemplarFitter {

    @Override
    public LabImage fit(Path image, ExemplarFit fit, int width, int height) throws FilmException {
        RgbFrame picture = Pictures.read(image);
        RgbFrame fitted = switch (fit) {
            case STRETCH -> Pictures.resize(picture, width, height);
            case COVER -> {
                double scale = Math.max((double) width / picture.width(), (double) height / picture.height());
                int cropW = Math.min(picture.width(), (int) Math.round(width / scale));
                int cropH = Math.min(picture.height(), (int) Math.round(height / scale));
                yield Pictures.resize(crop(picture, (picture.width() - cropW) / 2, (picture.height() - cropH) / 2, cropW, cropH),
                        width, height);
            }
            case CONTAIN -> {
                double scale = Math.min((double) width / picture.width(), (double) height / picture.height());
                int w = Math.min(width, (int) Math.round(picture.width() * scale));
                int h = Math.min(height, (int) Math.round(picture.height() * scale));
                RgbFrame scaled = Pictures.resize(picture, Math.max(1, w), Math.max(1, h));
                byte[] out = new byte[width * height * 3];
                Arrays.fill(out, (byte) 128);
                int ox = (width - scaled.width()) / 2;
                int oy = (height - scaled.height()) / 2;
                for (int y = 0; y < scaled.height(); y++) {
                    System.arraycopy(scaled.rgb(), y * scaled.width() * 3, out, ((oy + y) * width + ox) * 3, scaled.width() * 3);
                }
                yield new RgbFrame(-1, width, height, out);
            }
        };
        return CieLab.fromRgb8(fitted.rgb(), width, height);
    }

    private static RgbFrame crop(RgbFrame source, int x0, int y0, int w, int h) {
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(source.rgb(), ((y0 + y) * source.width() + x0) * 3, out, y * w * 3, w * 3);
        }
        return new RgbFrame(source.index(), w, h, out);
    }
}
