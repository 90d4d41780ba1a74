package dev.nitrate.engine.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * The one place where Nitrate decides what it may create, replace or delete for an output. Every new
 * output, every work folder, every temporary file, every replacement and every deletion of a render
 * goes through an {@code OutputGuard}.
 *
 * <p>The rules: an output that exists is refused unless the caller passes {@code overwrite}, and then
 * only a regular file, an empty folder, or a folder Nitrate wrote (marked by a {@code .nitrate-output} file that lists what it wrote,
 * holding nothing else) is replaced. An output whose real path (links, {@code .} and {@code ..}
 * resolved) is, holds, or lies inside a {@link ProtectedInput} is refused, and so is a device, FIFO,
 * socket or link. The work folder beside the output ({@code .NAME.nitrate-work}) is created and marked
 * by the guard; one that exists without Nitrate's mark is refused, never emptied. Deleting only ever
 * removes files Nitrate wrote inside a folder it marked. All checks of {@link #claim} run before any
 * work, and are repeated where a replacement happens.
 */
public final class OutputGuard {

    /** What an output is on disk. */
    public enum Shape {
        /** A single file (a video). */
        FILE,
        /** A folder of frames. */
        FOLDER
    }

    private static final String WORK_SUFFIX = ".nitrate-work";
    private static final String ASSEMBLED = "assembled.video";
    private static final String REPLACED = "replaced";
    private static final String RECORD_SUFFIX = ".nitrate.json";
    private static final String RECORD_WORK_FILE = "record.json";
    private static final String RECORD_FORMAT_PREFIX = "\"nitrate-provenance/";

    private final Path typed;
    private final Path target;
    private final Shape shape;
    private final boolean overwrite;
    private final List<ProtectedInput> inputs;
    private final Path workFolder;

    private OutputGuard(Path typed, Path target, Shape shape, boolean overwrite, List<ProtectedInput> inputs) {
        this.typed = typed;
        this.target = target;
        this.shape = shape;
        this.overwrite = overwrite;
        this.inputs = inputs;
        this.workFolder = target.resolveSibling("." + target.getFileName() + WORK_SUFFIX);
    }

    /**
     * Checks an output before any work and claims it for one job.
     *
     * @param typed the output as the user gave it (messages name it so)
     * @param shape whether the output is a file or a folder
     * @param overwrite whether an existing file, or a folder Nitrate wrote, may be replaced
     * @param inputs everything the job reads
     * @throws OutputRefusedException with one line when writing there could harm anything
     */
    public static OutputGuard claim(Path typed, Shape shape, boolean overwrite, List<ProtectedInput> inputs) throws OutputRefusedException {
        Path absolute = typed.toAbsolutePath();
        Path typedFolder = absolute.getParent();
        if (typedFolder != null && !Files.isDirectory(typedFolder)) {
            throw new OutputRefusedException(typedFolder.normalize() + ": "
                    + (Files.exists(typedFolder) ? "is not a folder; cannot write the output there" : "output folder does not exist"));
        }
        Path target = RealPaths.withoutLastLink(absolute);
        if (target.getParent() == null || target.getFileName() == null) {
            throw new OutputRefusedException(typed + " exists; choose another name or pass --overwrite");
        }
        OutputGuard guard = new OutputGuard(typed, target, shape, overwrite, List.copyOf(inputs));
        guard.checkAgainstInputs(RealPaths.of(absolute));
        guard.checkAgainstInputs(target);
        guard.checkExisting();
        guard.checkRecordFile();
        guard.checkWorkFolder();
        return guard;
    }

    /** The output where the system puts it: links and {@code ..} in its folders resolved, a link at its own name not followed. */
    public Path target() {
        return target;
    }

    /** The output as the user gave it. */
    public Path typed() {
        return typed;
    }

    /** The work folder beside the output (it may not exist yet). */
    public Path workFolder() {
        return workFolder;
    }

    /** The provenance record beside an output: {@code NAME.nitrate.json} in the output's folder (for a folder of frames too). */
    public static Path recordFileOf(Path output) {
        return output.resolveSibling(output.getFileName() + RECORD_SUFFIX);
    }

    /** The provenance record this output gets, beside it. */
    public Path recordFile() {
        return recordFileOf(target);
    }

    /** Where a video is assembled before it is published under the output's name: inside the work folder. */
    public Path assemblyFile() {
        return workFolder.resolve(ASSEMBLED);
    }

    private void checkAgainstInputs(Path real) throws OutputRefusedException {
        List<ProtectedInput> present = new java.util.ArrayList<>();
        List<Path> reals = new java.util.ArrayList<>();
        for (ProtectedInput input : inputs) {
            RealPaths.existing(input.path()).ifPresent(path -> {
                present.add(input);
                reals.add(path);
            });
        }
        for (int i = 0; i < present.size(); i++) {
            if (real.equals(reals.get(i)) || sameFile(target, present.get(i).path())) {
                throw refusal("would replace", present.get(i), "; choose another name for the output");
            }
        }
        for (int i = 0; i < present.size(); i++) {
            if (reals.get(i).startsWith(real)) {
                throw refusal("holds", present.get(i), "; choose another name for the output");
            }
        }
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i).enclosing() && real.startsWith(reals.get(i))) {
                throw refusal("lies inside", present.get(i), "; choose a place outside it");
            }
        }
    }

    private OutputRefusedException refusal(String relation, ProtectedInput input, String advice) {
        return new OutputRefusedException(typed + " " + relation + " " + input.role() + " " + input.path() + advice);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private void checkExisting() throws OutputRefusedException {
        Optional<BasicFileAttributes> existing = attributes(target);
        if (existing.isEmpty()) {
            return;
        }
        BasicFileAttributes found = existing.get();
        if (found.isSymbolicLink()) {
            throw new OutputRefusedException(typed + " is a symbolic link; Nitrate does not write through or replace links: choose another name");
        }
        if (!found.isRegularFile() && !found.isDirectory()) {
            throw new OutputRefusedException(typed + " is " + SpecialFiles.describe(target) + ", not a file or folder Nitrate may write; choose another name");
        }
        if (shape == Shape.FILE && found.isDirectory()) {
            throw new OutputRefusedException(typed + " is a folder; a video output is a file: choose a file name such as film-colour.mp4");
        }
        if (shape == Shape.FOLDER && found.isRegularFile()) {
            throw new OutputRefusedException(typed + " is a file; an image sequence is written into a folder: choose a folder name");
        }
        if (!overwrite) {
            throw new OutputRefusedException(typed + " exists; choose another name or pass --overwrite");
        }
        if (found.isDirectory()) {
            Optional<String> foreign;
            try {
                foreign = OwnedFolders.foreignEntry(target);
            } catch (IOException e) {
                throw new OutputRefusedException(typed + " cannot be listed (" + e.getMessage() + "); --overwrite replaces only a folder Nitrate wrote", e);
            }
            if (foreign.isPresent()) {
                throw new OutputRefusedException(typed + " holds " + foreign.get() + ", which Nitrate did not write; --overwrite replaces only a folder"
                        + " Nitrate wrote: choose another name");
            }
        }
    }

    private void checkRecordFile() throws OutputRefusedException {
        Path record = recordFile();
        Path typedRecord = recordFileOf(typed);
        Path real = RealPaths.of(record);
        for (ProtectedInput input : inputs) {
            Optional<Path> existing = RealPaths.existing(input.path());
            if (existing.isPresent() && (existing.get().equals(real) || sameFile(record, input.path()))) {
                throw new OutputRefusedException(typedRecord + " (the render's record) would replace " + input.role() + " " + input.path()
                        + "; choose another name for the output");
            }
        }
        Optional<BasicFileAttributes> existing = attributes(record);
        if (existing.isEmpty()) {
            return;
        }
        if (!existing.get().isRegularFile()) {
            throw new OutputRefusedException(typedRecord + " is " + (existing.get().isSymbolicLink() ? "a symbolic link"
                    : existing.get().isDirectory() ? "a folder" : SpecialFiles.describe(record))
                    + "; Nitrate writes the render's record there: move it away or choose another output name");
        }
        if (!overwrite) {
            throw new OutputRefusedException(typedRecord + " exists; choose another name or pass --overwrite");
        }
        if (!isNitrateRecord(record)) {
            throw new OutputRefusedException(typedRecord + " was not written by Nitrate; --overwrite replaces only a record Nitrate wrote:"
                    + " move it away or choose another name");
        }
    }

    private static boolean isNitrateRecord(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return head.stripLeading().startsWith("{") && head.contains(RECORD_FORMAT_PREFIX);
        } catch (IOException e) {
            return false;
        }
    }

    private void checkWorkFolder() throws OutputRefusedException {
        if (attributes(workFolder).isPresent() && !OwnedFolders.isWorkFolder(workFolder)) {
            throw new OutputRefusedException(workFolder + " exists and was not made by Nitrate; move it away or choose another output name");
        }
    }

    private static Optional<BasicFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the marked work folder, or returns the one an earlier run of a job on this output made (a
     * resumed render).
     */
    public Path openWorkFolder() throws OutputRefusedException, IOException {
        checkWorkFolder();
        if (!Files.isDirectory(workFolder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(workFolder);
            } catch (FileAlreadyExistsException raced) {
                throw new OutputRefusedException(workFolder + " appeared while Nitrate was starting; move it away or choose another output name");
            }
            OwnedFolders.markWorkFolder(workFolder, target);
        }
        return workFolder;
    }

    /**
     * Empties the work folder of the files Nitrate wrote (it held the work of a different request).
     *
     * @throws OutputRefusedException when it also holds files Nitrate did not write; those are kept
     */
    public void clearWorkFolder() throws IOException, OutputRefusedException {
        requireOwnWorkFolder();
        Optional<Path> left = OwnedFolders.deleteWorkContent(workFolder, true);
        if (left.isPresent()) {
            throw new OutputRefusedException(workFolder + " holds " + left.get().getFileName() + ", which Nitrate did not write; move it away and run again");
        }
    }

    /**
     * Removes the work folder after a finished render: only files Nitrate wrote are deleted, and the
     * folder stays when anything else is in it.
     *
     * @return whether the folder is gone
     */
    public boolean removeWorkFolder() throws IOException {
        if (!Files.exists(workFolder, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!OwnedFolders.isWorkFolder(workFolder)) {
            return false;
        }
        return OwnedFolders.deleteWorkContent(workFolder, false).isEmpty();
    }

    /** Whether a path is one of the files Nitrate writes in this output's work folder (by its name and place). */
    public boolean isWorkFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(workFolder) && OwnedFolders.isWorkFileName(workFolder, absolute);
    }

    /** Deletes one file that Nitrate wrote inside the work folder; anything else is left alone. */
    public void deleteWorkFile(Path file) throws IOException {
        requireWorkFile(file);
        Files.deleteIfExists(file);
    }

    /** Renames a finished temporary file over its final name; both lie in the work folder and are Nitrate's. */
    public void commitWorkFile(Path temporary, Path target) throws IOException {
        requireWorkFile(temporary);
        requireWorkFile(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void requireWorkFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(workFolder) || !OwnedFolders.isWorkFileName(workFolder, absolute)
                || Files.isSymbolicLink(absolute) || Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(file + " is not a file Nitrate writes in its work folder");
        }
        requireOwnWorkFolder();
    }

    private void requireOwnWorkFolder() throws IOException {
        if (!OwnedFolders.isWorkFolder(workFolder)) {
            throw new IOException(workFolder + " is no longer Nitrate's work folder");
        }
    }

    /**
     * Publishes a finished video (in the work folder) under the output's name. A new output never
     * replaces anything that appeared meanwhile; with {@code overwrite} only a regular file is replaced.
     */
    public void publishFile(Path finished) throws OutputRefusedException, IOException {
        requireWorkFile(finished);
        checkAgainstInputs(RealPaths.of(target));
        Optional<BasicFileAttributes> existing = attributes(target);
        if (existing.isEmpty()) {
            try {
                Files.createLink(target, finished);
                Files.delete(finished);
            } catch (FileAlreadyExistsException appeared) {
                throw new OutputRefusedException(typed + " appeared while Nitrate was rendering; the render is kept, run again with another name or --overwrite");
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                Files.move(finished, target);
            }
            return;
        }
        checkExisting();
        Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Marks a finished folder of frames (in the work folder) as Nitrate's and publishes it under the
     * output's name. With {@code overwrite}, an earlier folder Nitrate wrote there is replaced, and only
     * the files its mark lists are deleted.
     */
    public void publishFolder(Path finished) throws OutputRefusedException, IOException {
        Path absolute = finished.toAbsolutePath().normalize();
        if (!absolute.startsWith(workFolder)) {
            throw new IllegalArgumentException(finished + " is not in the work folder");
        }
        requireOwnWorkFolder();
        OwnedFolders.markOutputFolder(absolute, workFolder);
        checkAgainstInputs(RealPaths.of(target));
        if (attributes(target).isEmpty()) {
            try {
                Files.move(absolute, target);
            } catch (FileAlreadyExistsException appeared) {
                throw new OutputRefusedException(typed + " appeared while Nitrate was rendering; the render is kept, run again with another name or --overwrite");
            }
            return;
        }
        checkExisting();
        Path replaced = workFolder.resolve(REPLACED);
        if (Files.exists(replaced, LinkOption.NOFOLLOW_LINKS) && !OwnedFolders.deleteOutputFolder(replaced)) {
            throw new OutputRefusedException(replaced + " holds files Nitrate did not write; move it away and run again");
        }
        Files.move(target, replaced);
        try {
            Files.move(absolute, target);
        } catch (IOException e) {
            Files.move(replaced, target);
            throw e;
        }
        OwnedFolders.deleteOutputFolder(replaced);
    }

    /**
     * Writes the render's provenance record beside the published output: to a temporary file in the work folder,
     * forced to disk, then moved under {@link #recordFile()}. A record that appeared meanwhile is never replaced;
     * with {@code overwrite} only a record Nitrate wrote is.
     */
    public void publishRecord(byte[] json) throws OutputRefusedException, IOException {
        requireOwnWorkFolder();
        Path temporary = workFolder.resolve(RECORD_WORK_FILE + ".part");
        Path record = recordFile();
        try {
            Files.write(temporary, json);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            checkRecordFile();
            if (attributes(record).isEmpty()) {
                try {
                    Files.createLink(record, temporary);
                } catch (FileAlreadyExistsException appeared) {
                    throw new OutputRefusedException(recordFileOf(typed) + " appeared while Nitrate was rendering; the output is in place without its record");
                } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                    Files.move(temporary, record);
                }
                return;
            }
            Files.move(temporary, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
