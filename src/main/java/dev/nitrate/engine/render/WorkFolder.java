package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.FrameColorizer;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder beside an output where a render keeps what it has finished, so that a killed render
 * resumes: {@code job.txt} (the key of the request), {@code shots.txt}, {@code segments/} (encoded
 * video segments) or {@code frames/} (finished image files), and {@code checkpoint.bin} (the next
 * frame and the colorizer's state). Every file is written under a temporary name and renamed, so each
 * is either complete or absent.
 */
final class WorkFolder {

    private static final String CHECKPOINT_MAGIC = "nitrate-checkpoint/1";

    private final Path root;

    private WorkFolder(Path root) {
        this.root = root;
    }

    static Path locationFor(Path output) {
        return output.resolveSibling("." + output.getFileName() + ".nitrate-work");
    }

    /** Opens the work folder of an output, emptying it when it belongs to a different request. Returns whether earlier work was kept. */
    static WorkFolder open(Path output, String jobKey, List<String> notes) throws IOException {
        Path root = locationFor(output);
        Path jobFile = root.resolve("job.txt");
        if (Files.isDirectory(root)) {
            String existing = Files.exists(jobFile) ? Files.readString(jobFile, StandardCharsets.UTF_8).trim() : "";
            if (!existing.equals(jobKey)) {
                deleteTree(root);
                notes.add("earlier unfinished work for " + output.getFileName() + " used other inputs or settings; starting over");
            }
        }
        Files.createDirectories(root);
        WorkFolder folder = new WorkFolder(root);
        if (!Files.exists(jobFile)) {
            folder.writeAtomically(jobFile, out -> out.write(jobKey.getBytes(StandardCharsets.UTF_8)));
        }
        Files.createDirectories(folder.segments());
        Files.createDirectories(folder.frames());
        return folder;
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

    Optional<Checkpoint> readCheckpoint(String jobKey) throws IOException {
        Path file = root.resolve("checkpoint.bin");
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

    void writeCheckpoint(String jobKey, long nextFrame, FrameColorizer colorizer) throws IOException {
        writeAtomically(root.resolve("checkpoint.bin"), stream -> {
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
                    if (name.endsWith(".part") || name.startsWith(".")) {
                        Files.deleteIfExists(file);
                    } else if (name.startsWith("seg-") && Long.parseLong(name.substring(4, 16)) >= nextFrame) {
                        Files.deleteIfExists(file);
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
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Deletes the folder, its checkpoint first: a deletion cut short leaves a folder that starts over, never one that resumes without its segments. */
    void delete() throws IOException {
        Files.deleteIfExists(root.resolve("checkpoint.bin"));
        deleteTree(root);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
