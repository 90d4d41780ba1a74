package dev.nitrate.app.interim;

import dev.nitrate.app.media.FilmException;
import dev.nitrate.app.media.FilmInfo;
import dev.nitrate.app.media.FilmReader;
import dev.nitrate.app.media.Pictures;
import dev.nitrate.app.media.RgbFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A folder of numbered pictures (PNG, TIFF, JPEG), read in name order at 24 frames per second. */
public final class ImageSequenceReader implements FilmReader {

    private final List<Path> files;
    private final FilmInfo info;

    private ImageSequenceReader(List<Path> files, FilmInfo info) {
        this.files = files;
        this.info = info;
    }

    public static ImageSequenceReader open(Path folder) throws FilmException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".tif") || n.endsWith(".tiff")
                        || n.endsWith(".jpg") || n.endsWith(".jpeg"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new FilmException(folder + ": cannot list the image sequence (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new FilmException(folder + ": the folder holds no PNG, TIFF or JPEG pictures");
        }
        RgbFrame first = Pictures.read(files.get(0));
        return new ImageSequenceReader(files, new FilmInfo(folder, first.width(), first.height(), files.size(), 24, false));
    }

    @Override
    public FilmInfo info() {
        return info;
    }

    @Override
    public RgbFrame frame(int index, int maxWidth, int maxHeight) throws FilmException {
        if (index < 0 || index >= files.size()) {
            throw new FilmException(info.source() + ": frame " + index + " is outside 0.." + (files.size() - 1));
        }
        RgbFrame picture = Pictures.read(files.get(index));
        if (picture.width() != info.width() || picture.height() != info.height()) {
            throw new FilmException(files.get(index) + ": is " + picture.width() + "x" + picture.height()
                    + " but the sequence is " + info.width() + "x" + info.height());
        }
        int[] size = Pictures.fitInside(picture.width(), picture.height(), maxWidth, maxHeight);
        RgbFrame scaled = Pictures.resize(picture, size[0], size[1]);
        return new RgbFrame(index, scaled.width(), scaled.height(), scaled.rgb());
    }

    @Override
    public void close() {
        // files are opened per frame
    }
}
