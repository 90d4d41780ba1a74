package dev.nitrate.engine.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens films: a video file (any container and codec FFmpeg reads), a folder of numbered images,
 * a printf pattern such as {@code scan/frame_%05d.tif}, or a single image (a film of one frame).
 */
public final class Films {

    /** File extensions taken as frames of an image sequence. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "tif", "tiff", "jpg", "jpeg", "dpx", "bmp", "exr");

    private static final Pattern PRINTF_NUMBER = Pattern.compile("%(0?)(\\d*)d");

    private Films() {}

    /** Opens a film for reading. */
    public static FilmReader open(Path source, FilmOpenOptions options) throws MediaException {
        FfmpegSupport.init();
        if (source.getFileName() != null && source.getFileName().toString().contains("%")) {
            return ImageSequenceReader.open(source, expandPattern(source), options);
        }
        if (Files.isDirectory(source)) {
            return ImageSequenceReader.open(source, listFolder(source), options);
        }
        if (isImageFile(source)) {
            FfmpegInput.checkReadableFile(source);
            return ImageSequenceReader.open(source, List.of(source), options);
        }
        return VideoFileReader.open(source, options);
    }

    /** Lets FFmpeg print its own warnings to stderr (for {@code --verbose}); it is silent otherwise. */
    public static void showFfmpegLog(boolean show) {
        FfmpegSupport.showFfmpegLog(show);
    }

    /** Opens a film only to describe it. */
    public static FilmInfo probe(Path source, FilmOpenOptions options) throws MediaException {
        try (FilmReader reader = open(source, options)) {
            return reader.info();
        }
    }

    static boolean isImageFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> listFolder(Path folder) throws MediaException {
        List<Path> images;
        try (Stream<Path> entries = Files.list(folder)) {
            images = new ArrayList<>(entries.filter(Files::isRegularFile).filter(Films::isImageFile).toList());
        } catch (IOException e) {
            throw new MediaException(folder, "cannot list the folder (" + e.getMessage() + ")");
        }
        if (images.isEmpty()) {
            throw new MediaException(folder, "folder holds no PNG, TIFF, JPEG or DPX images");
        }
        images.sort(Comparator.comparing(path -> naturalKey(path.getFileName().toString())));
        return images;
    }

    private static List<Path> expandPattern(Path pattern) throws MediaException {
        String name = pattern.getFileName().toString();
        Matcher number = PRINTF_NUMBER.matcher(name);
        if (!number.find()) {
            throw new MediaException(pattern, "not a printf pattern (use e.g. frame_%05d.png)");
        }
        String digits = number.group(2).isEmpty() ? "\\d+" : (number.group(1).isEmpty() ? "\\d+" : "\\d{" + number.group(2) + "}");
        Pattern regex = Pattern.compile(Pattern.quote(name.substring(0, number.start())) + "(" + digits + ")" + Pattern.quote(name.substring(number.end())));
        Path folder = pattern.toAbsolutePath().getParent();
        TreeMap<Long, Path> byNumber = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(path -> {
                Matcher match = regex.matcher(path.getFileName().toString());
                if (match.matches()) {
                    byNumber.put(Long.parseLong(match.group(1)), path);
                }
            });
        } catch (IOException e) {
            throw new MediaException(pattern, "cannot list the folder " + folder + " (" + e.getMessage() + ")");
        }
        if (byNumber.isEmpty()) {
            throw new MediaException(pattern, "no file matches this pattern");
        }
        List<Path> files = new ArrayList<>();
        long expected = byNumber.firstKey();
        for (var entry : byNumber.entrySet()) {
            if (entry.getKey() != expected) {
                break;
            }
            files.add(entry.getValue());
            expected++;
        }
        return files;
    }

    private static String naturalKey(String name) {
        Matcher digits = Pattern.compile("\\d+").matcher(name);
        StringBuilder key = new StringBuilder();
        int last = 0;
        while (digits.find()) {
            key.append(name, last, digits.start());
            String run = digits.group().replaceFirst("^0+(?=\\d)", "");
            key.append(String.format(Locale.ROOT, "%20s", run));
            last = digits.end();
        }
        return key.append(name.substring(last)).toString();
    }
}
