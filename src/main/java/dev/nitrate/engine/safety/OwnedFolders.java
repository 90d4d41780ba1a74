package dev.nitrate.engine.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Nitrate's marks on the folders it makes, and the only code that deletes inside them. A work folder
 * holds {@value #WORK_MARKER}; a published folder of frames holds {@value #OUTPUT_MARKER}, which lists
 * every file Nitrate wrote into it. Only files with Nitrate's names, or listed in a mark, are ever deleted.
 */
final class OwnedFolders {

    static final String OUTPUT_MARKER = ".nitrate-output";
    static final String WORK_MARKER = "nitrate-work.txt";
    private static final String OUTPUT_MAGIC = "nitrate-output/1";
    private static final String WORK_MAGIC = "nitrate-work/1";
    private static final String REPLACED = "replaced";
    private static final Pattern FRAME_NAME = Pattern.compile("(?:frame|overlay)_\\d+\\.[A-Za-z0-9]+");
    /** Every file a render writes in its work folder, relative to it, with or without the {@code .part} of a file being written. */
    private static final Pattern WORK_FILE = Pattern.compile(
            "(job\\.txt|plan\\.json|shots\\.txt|checkpoint\\.bin|assembled\\.video|record\\.json|segments/seg-\\d{12}\\.nut|parts/part-\\d{4}\\.(checkpoint\\.bin|done|lock)|frames/\\.?(?:frame|overlay)_\\d+\\.[A-Za-z0-9]+|frames/\\.nitrate-output)(\\.part)?");
    private static final Set<String> WORK_SUBFOLDERS = Set.of("segments", "frames", "parts");

    private OwnedFolders() {}

    static boolean isWorkFolder(Path folder) {
        Path marker = folder.resolve(WORK_MARKER);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return firstLine(marker).equals(WORK_MAGIC);
    }

    static void markWorkFolder(Path folder, Path output) throws IOException {
        Files.writeString(folder.resolve(WORK_MARKER), WORK_MAGIC + "\n" + output + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    static boolean isWorkFileName(Path workFolder, Path file) {
        Path relative = workFolder.relativize(file);
        return WORK_FILE.matcher(relative.toString().replace(relative.getFileSystem().getSeparator(), "/")).matches();
    }

    /**
     * Deletes what Nitrate wrote in a work folder: its files, an earlier output it had moved aside, its
     * subfolders once empty, and (unless {@code keepMark}) the mark and the folder itself.
     *
     * @return the first thing left behind because Nitrate did not write it, or empty when all is gone
     */
    static Optional<Path> deleteWorkContent(Path workFolder, boolean keepMark) throws IOException {
        List<Path> left = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> all = Files.walk(workFolder, 2)) {
            entries = all.filter(p -> !p.equals(workFolder)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path entry : entries) {
            Path relative = workFolder.relativize(entry);
            if (relative.startsWith(REPLACED)) {
                if (relative.getNameCount() == 1 && !deleteOutputFolder(entry)) {
                    left.add(entry);
                }
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (!(relative.getNameCount() == 1 && WORK_SUBFOLDERS.contains(relative.toString()) && removeIfEmpty(entry))) {
                    left.add(entry);
                }
            } else if (relative.getNameCount() == 1 && relative.toString().equals(WORK_MARKER)) {
                continue;
            } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && isWorkFileName(workFolder, entry)) {
                Files.deleteIfExists(entry);
            } else {
                left.add(entry);
            }
        }
        if (!left.isEmpty()) {
            return Optional.of(left.get(left.size() - 1));
        }
        if (!keepMark) {
            Files.deleteIfExists(workFolder.resolve(WORK_MARKER));
            Files.delete(workFolder);
        }
        return Optional.empty();
    }

    /** The first entry of a folder that Nitrate did not write there, or empty when it wrote everything (or the folder is empty). */
    static Optional<String> foreignEntry(Path folder) throws IOException {
        Set<String> listed = listedFiles(folder);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.equals(OUTPUT_MARKER) && !listed.isEmpty()) {
                    continue;
                }
                if (!listed.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** Writes the mark of a finished folder of frames: every file in it, all of which Nitrate wrote. */
    static void markOutputFolder(Path folder, Path workFolder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.equals(OUTPUT_MARKER)) {
                    continue;
                }
                if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || !FRAME_NAME.matcher(name).matches()) {
                    throw new IOException(workFolder + " holds " + entry.getFileName() + ", which Nitrate did not write; move it away and run again");
                }
                names.add(name);
            }
        }
        StringBuilder text = new StringBuilder(OUTPUT_MAGIC).append('\n');
        names.forEach(name -> text.append(name).append('\n'));
        Path marker = folder.resolve(OUTPUT_MARKER);
        Path partial = folder.resolve(OUTPUT_MARKER + ".part");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Deletes the files a folder's mark lists, then the mark, then the folder if nothing else is in it.
     *
     * @return whether the folder is gone
     */
    static boolean deleteOutputFolder(Path folder) throws IOException {
        for (String name : listedFiles(folder)) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
            }
        }
        Files.deleteIfExists(folder.resolve(OUTPUT_MARKER));
        return removeIfEmpty(folder);
    }

    private static boolean removeIfEmpty(Path folder) throws IOException {
        try {
            Files.delete(folder);
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    private static Set<String> listedFiles(Path folder) throws IOException {
        Path marker = folder.resolve(OUTPUT_MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(OUTPUT_MAGIC)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty() && !line.contains("/") && !line.contains("\\") && !line.equals(".") && !line.equals("..")) {
                names.add(line);
            }
        }
        return names;
    }

    private static String firstLine(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
