package dev.nitrate.app.exemplars;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmOpener;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.engine.color.LumaMatch;
import dev.nitrate.engine.image.FloatPlane;
import dev.nitrate.engine.image.Resampler;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.safety.ProtectedInput;
import dev.nitrate.engine.video.FilmReader;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The archive's hand-colouring round trip: a frame goes out as a gray picture at the film's full size and depth,
 * an artist colours it in an image editor, and the coloured still comes back pinned to that frame. Writing goes
 * through the engine's {@link OutputGuard}: an existing file is replaced only when the user said Replace. Blocking:
 * call it off the UI thread.
 */
public final class HandColouring {

    /**
     * Above this mean absolute luma difference (Rec. 601 luma, 8-bit code values 0-255) an imported picture is
     * probably not a colouring of its frame (another frame, a crop, a changed exposure) and the user is warned.
     */
    public static final double LUMA_WARNING = 12;

    /** What exporting a frame came to. */
    public sealed interface Export permits Written, Exists, Failed {}

    /** The gray frame is written, with {@code bits} per component. */
    public record Written(Path file, int bits) implements Export {}

    /** The file exists and the user has not said to replace it: nothing was written. */
    public record Exists(Path file) implements Export {}

    /** Nothing was written; the message is one line naming the user's file. */
    public record Failed(String message) implements Export {}

    /** A coloured picture's luma compared with its frame's. */
    public record LumaComparison(double meanDifference) {

        public boolean differs() {
            return meanDifference > LUMA_WARNING;
        }

        /** The one-line warning for {@code picture} pinned to {@code frame}, when its luma differs. */
        public Optional<String> warning(Path picture, int frame) {
            return differs() ? Optional.of(String.format(Locale.ROOT,
                    "%s is pinned to frame %d, but its luma differs from the frame's: mean absolute luma difference %.1f of 255"
                            + " (warning above %.0f); is it a colouring of this frame?", picture.getFileName(), frame, meanDifference, LUMA_WARNING))
                    : Optional.empty();
        }
    }

    private final FilmOpener films;

    public HandColouring(FilmOpener films) {
        this.films = films;
    }

    /** Where the frame goes unless the user picks another place: beside the film, named after it and the frame. */
    public static Path suggestedFile(Path film, int frame) {
        Path folder = film.toAbsolutePath().getParent();
        String name = film.getFileName().toString().replaceAll("\\.[^.]+$", "");
        return folder.resolve(String.format(Locale.ROOT, "%s-frame%06d.png", name, frame));
    }

    /** TIFF for a {@code .tif}/{@code .tiff} name, else PNG (16-bit when the frame has more than 8 bits). */
    public static ImageFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tif") || name.endsWith(".tiff") ? ImageFormat.TIFF : ImageFormat.PNG;
    }

    /** Writes frame {@code frame} of {@code film} as gray at full size to {@code target}; {@code replace} is the user's explicit Replace. */
    public Export exportFrame(Path film, int frame, Path target, boolean replace) {
        if (!replace && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Exists(target);
        }
        OutputGuard guard;
        try {
            guard = OutputGuard.claim(target, OutputGuard.Shape.FILE, replace, List.of(Files.isDirectory(film)
                    ? ProtectedInput.folder(film, "the film") : ProtectedInput.file(film, "the film")));
        } catch (OutputRefusedException e) {
            return new Failed(e.getMessage());
        }
        RgbPixels gray;
        byte[] encoded;
        try (FilmReader reader = films.open(film)) {
            gray = gray(reader.read(frame).pixels());
            encoded = ImageFileWriter.encode(gray, formatOf(target), target);
        } catch (FilmException | MediaException e) {
            return new Failed(e.getMessage());
        }
        try {
            guard.openWorkFolder();
            Files.write(guard.assemblyFile(), encoded);
            guard.publishFile(guard.assemblyFile());
            return new Written(target, formatOf(target) == ImageFormat.TIFF ? 16 : gray.bits());
        } catch (OutputRefusedException e) {
            return new Failed(e.getMessage());
        } catch (IOException e) {
            return new Failed(target + ": cannot write the frame (" + e.getMessage() + ")");
        } finally {
            try {
                guard.removeWorkFolder();
            } catch (IOException ignored) {
                // what could not be removed is Nitrate's marked work folder; the picture itself is written or not
            }
        }
    }

    /** Compares a picture's luma with frame {@code frame}'s, the picture resized to the frame's size. */
    public LumaComparison compare(Path picture, Path film, int frame) throws FilmException {
        RgbPixels.Rgb8 coloured = Pictures.read(picture);
        RgbPixels source;
        try (FilmReader reader = films.open(film)) {
            source = reader.read(frame).pixels();
        } catch (MediaException e) {
            throw new FilmException(e.getMessage(), e);
        }
        FloatPlane frameLuma = luma8(source.toRgb8(), source.width(), source.height());
        FloatPlane pictureLuma = Resampler.bilinear(luma8(coloured.rgb(), coloured.width(), coloured.height()), source.width(), source.height());
        double sum = 0;
        for (int i = 0; i < frameLuma.values().length; i++) {
            sum += Math.abs(frameLuma.values()[i] - pictureLuma.values()[i]);
        }
        return new LumaComparison(sum / frameLuma.values().length);
    }

    /** The frame as gray: each pixel's Rec. 601 luma in all three components, at the frame's own depth. */
    public static RgbPixels gray(RgbPixels pixels) {
        if (pixels instanceof RgbPixels.Rgb16 deep) {
            short[] rgb = deep.rgb();
            short[] out = new short[rgb.length];
            for (int i = 0; i < rgb.length; i += 3) {
                short y = (short) LumaMatch.luma(rgb[i] & 0xFFFF, rgb[i + 1] & 0xFFFF, rgb[i + 2] & 0xFFFF);
                out[i] = y;
                out[i + 1] = y;
                out[i + 2] = y;
            }
            return new RgbPixels.Rgb16(deep.width(), deep.height(), out);
        }
        byte[] rgb = pixels.toRgb8();
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            byte y = (byte) LumaMatch.luma(rgb[i] & 255, rgb[i + 1] & 255, rgb[i + 2] & 255);
            out[i] = y;
            out[i + 1] = y;
            out[i + 2] = y;
        }
        return new RgbPixels.Rgb8(pixels.width(), pixels.height(), out);
    }

    private static FloatPlane luma8(byte[] rgb, int width, int height) {
        float[] values = new float[width * height];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) LumaMatch.exactLuma(rgb[3 * i] & 255, rgb[3 * i + 1] & 255, rgb[3 * i + 2] & 255);
        }
        return new FloatPlane(width, height, values);
    }
}
