package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.FrameColorizer;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.shots.Shot;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder beside an output where a render keeps what it has finished, so that a killed render
 * resumes: {@code job.txt} (the key of the request), {@code shots.txt}, {@code segments/} (encoded
 * video segments) or {@code frames/} (finished image files), and {@code checkpoint.bin} (the next
 * frame and the colorizer's state); for a render in parts also {@code plan.json} and, per part,
 * {@code parts/part-NNNN.checkpoint.bin}, {@code .done} (its checksum record) and {@code .lock}.
 * Every file is written under a temporary name and renamed, so each
 * is either complete or absent. The folder is created, marked and deleted by the output's
 * {@link OutputGuard}, which also does every rename and deletion inside it.
 */
final class WorkFolder {

    private static final String CHECKPOINT_MAGIC = "nitrate-checkpoint/1";
    /** The checkpoint of a render of the whole film. */
    static final String WHOLE_CHECKPOINT = "checkpoint.bin";

    private final Path root;
    private final OutputGuard guard;

    private WorkFolder(Path root, OutputGuard guard) {
        this.root = root;
        this.guard = guard;
    }

    /**
     * Opens the output's work folder through its guard (created and marked, or Nitrate's own from an
     * earlier run), emptying it of Nitrate's files when it held the work of a different request.
     */
    static WorkFolder open(OutputGuard guard, String jobKey, List<String> notes) throws IOException, OutputRefusedException {
        Path root = guard.openWorkFolder();
        Path jobFile = root.resolve("job.txt");
        String existing = Files.isRegularFile(jobFile) ? Files.readString(jobFile, StandardCharsets.UTF_8).trim() : "";
        if (!existing.equals(jobKey)) {
            guard.clearWorkFolder();
            if (!existing.isEmpty()) {
                notes.add("earlier unfinished work for " + guard.typed() + " used other inputs or settings; starting over");
            }
        }
        return prepared(root, guard, jobKey);
    }

    /**
     * Opens the work folder of a planned render, which parts running at the same time share: never
     * emptied here. Refuses a folder that holds the work of another request.
     */
    static WorkFolder join(OutputGuard guard, String jobKey) throws IOException, OutputRefusedException {
        Path root = guard.openWorkFolder();
        Path jobFile = root.resolve("job.txt");
        if (Files.isRegularFile(jobFile) && !Files.readString(jobFile, StandardCharsets.UTF_8).trim().equals(jobKey)) {
            throw new OutputRefusedException(guard.typed() + ": its unfinished work is a render of other inputs or settings than this plan;"
                    + " make the plan again (which starts over)");
        }
        return prepared(root, guard, jobKey);
    }

    private static WorkFolder prepared(Path root, OutputGuard guard, String jobKey) throws IOException {
        WorkFolder folder = new WorkFolder(root, guard);
        Path jobFile = root.resolve("job.txt");
        if (!Files.exists(jobFile)) {
            folder.writeAtomically(jobFile, out -> out.write(jobKey.getBytes(StandardCharsets.UTF_8)));
        }
        Files.createDirectories(folder.segments());
        Files.createDirectories(folder.frames());
        Files.createDirectories(folder.parts());
        return folder;
    }

    /** Writes the plan of a render done in parts ({@code plan.json}), replacing an earlier plan. */
    Path writePlan(byte[] plan) throws IOException {
        Path file = root.resolve("plan.json");
        writeAtomically(file, out -> out.write(plan));
        return file;
    }

    OutputGuard guard() {
        return guard;
    }

    Path parts() {
        return root.resolve("parts");
    }

    /** The file of part {@code index} with the given suffix ({@code checkpoint.bin}, {@code done}, {@code lock}). */
    Path partFile(int index, String suffix) {
        return parts().resolve(String.format("part-%04d.%s", index, suffix));
    }

    Path root() {
        return root;
    }

    Path segments() {
        return root.resolve("segments");
    }

    Path frames() {
        return root.resolve("frames");
    }

    Path segmentFile(long firstFrame) {
        return segments().resolve(String.format("seg-%012d.nut", firstFrame));
    }

    Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    Optional<List<Shot>> readShots() throws IOException {
        Path file = root.resolve("shots.txt");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<Shot> shots = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split(" ");
                shots.add(new Shot(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        }
        return Optional.of(shots);
    }

    void writeShots(List<Shot> shots) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Shot shot : shots) {
            text.append(shot.first()).append(' ').append(shot.last()).append('\n');
        }
        writeAtomically(root.resolve("shots.txt"), out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A saved checkpoint: the first frame not yet done, and where the colorizer state starts in the file. */
    record Checkpoint(long nextFrame, Path file) {}

    Optional<Checkpoint> readCheckpoint(String jobKey, Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(CHECKPOINT_MAGIC) || !in.readUTF().equals(jobKey)) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(in.readLong(), file));
        }
    }

    /** Restores the colorizer state saved with a checkpoint. */
    void restoreState(Checkpoint checkpoint, FrameColorizer colorizer) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint.file()), 1 << 16))) {
            in.readUTF();
            in.readUTF();
            in.readLong();
            colorizer.readState(in);
        }
    }

    Path wholeCheckpoint() {
        return root.resolve(WHOLE_CHECKPOINT);
    }

    void writeCheckpoint(String jobKey, Path file, long nextFrame, FrameColorizer colorizer) throws IOException {
        writeAtomically(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(CHECKPOINT_MAGIC);
            out.writeUTF(jobKey);
            out.writeLong(nextFrame);
            colorizer.writeState(out);
            out.flush();
        });
    }

    /** Deletes partial files and segments that start at or after the frame where work resumes. */
    void discardFrom(long nextFrame) throws IOException {
        for (Path folder : List.of(segments(), frames())) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    boolean unfinished = name.endsWith(".part") || name.startsWith(".");
                    boolean after = name.startsWith("seg-") && guard.isWorkFile(file) && Long.parseLong(name.substring(4, 16)) >= nextFrame;
                    if ((unfinished || after) && guard.isWorkFile(file)) {
                        guard.deleteWorkFile(file);
                    }
                }
            }
        }
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file, forces it to disk, and renames it over the target. */
    void writeAtomically(Path target, Writer writer) throws IOException {
        Path temporary = partial(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                writer.write(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            guard.commitWorkFile(temporary, target);
        } catch (IOException e) {
            guard.deleteWorkFile(temporary);
            throw e;
        }
    }

    /** Moves a finished segment from its temporary name to its final one. */
    void commit(Path partialFile, Path finalFile) throws IOException {
        guard.commitWorkFile(partialFile, finalFile);
    }

    /**
     * Removes the folder after a finished render (Nitrate's files only), its checkpoint first: a removal cut
     * short leaves a folder that starts over, never one that resumes without its segments. Says whether it is gone.
     */
    boolean delete() throws IOException {
        guard.deleteWorkFile(wholeCheckpoint());
        try (Stream<Path> files = Files.list(parts())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".checkpoint.bin")).toList()) {
                guard.deleteWorkFile(file);
            }
        }
        return guard.removeWorkFolder();
    }
}
