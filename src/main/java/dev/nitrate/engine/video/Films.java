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
    private static final Pattern NUMBERED_NAME = Pattern.compile("(.*?)(\\d{1,18})(\\D*)");

    /** The frame files of a sequence in order, and the numbers missing between them. */
    private record Numbered(List<Path> files, List<NumberGap> gaps) {}

    private Films() {}

    /** Opens a film for reading. */
    public static FilmReader open(Path source, FilmOpenOptions options) throws MediaException {
        FfmpegSupport.init();
        if (source.getFileName() != null && source.getFileName().toString().contains("%")) {
            Numbered sequence = expandPattern(source);
            return ImageSequenceReader.open(source, sequence.files(), sequence.gaps(), options);
        }
        if (Files.isDirectory(source)) {
            List<Path> files = listFolder(source);
            return ImageSequenceReader.open(source, files, gapsInNames(files), options);
        }
        if (isImageFile(source)) {
            FfmpegInput.checkReadableFile(source);
            return ImageSequenceReader.open(source, List.of(source), List.of(), options);
        }
        return VideoFileReader.open(source, options);
    }

    /**
     * The image files of a film that is an image sequence (a folder, a printf pattern or one image), in frame order;
     * empty for a video file.
     */
    public static List<Path> frameFiles(Path source) throws MediaException {
        if (source.getFileName() != null && source.getFileName().toString().contains("%")) {
            return expandPattern(source).files();
        }
        if (Files.isDirectory(source)) {
            return listFolder(source);
        }
        return isImageFile(source) ? List.of(source) : List.of();
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

    /** The gaps in the numbers of a folder's images, when all their names are one prefix, a number and one suffix. */
    private static List<NumberGap> gapsInNames(List<Path> sortedImages) {
        String shape = null;
        List<Long> numbers = new ArrayList<>();
        for (Path image : sortedImages) {
            Matcher name = NUMBERED_NAME.matcher(image.getFileName().toString());
            if (!name.matches()) {
                return List.of();
            }
            String thisShape = name.group(1) + "#" + name.group(3).toLowerCase(Locale.ROOT);
            if (shape != null && !shape.equals(thisShape)) {
                return List.of();
            }
            shape = thisShape;
            numbers.add(Long.parseLong(name.group(2)));
        }
        return NumberGap.in(numbers.stream().sorted().distinct().toList());
    }

    private static Numbered expandPattern(Path pattern) throws MediaException {
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
        return new Numbered(List.copyOf(byNumber.values()), NumberGap.in(List.copyOf(byNumber.keySet())));
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
