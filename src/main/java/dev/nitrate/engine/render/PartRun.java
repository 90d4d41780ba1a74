package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.ColorizeException;
import dev.nitrate.engine.colorize.PackException;
import dev.nitrate.engine.shots.Shot;
import dev.nitrate.engine.video.MediaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The part-specific steps of {@link RenderJob}: one part rendered under a lock and recorded, and every part checked before assembly. */
final class PartRun {

    private PartRun() {}

    static RenderOutcome render(RenderJob job, RenderScope.Part part, RenderJob.Spool spool, long started)
            throws MediaException, PackException, ColorizeException, IOException {
        WorkFolder work = spool.work();
        List<Shot> partShots = part.partShots().stream().sorted(Comparator.comparingLong(Shot::first)).toList();
        if (partShots.isEmpty() || !new HashSet<>(part.shots()).containsAll(partShots)) {
            throw new IllegalArgumentException("part " + part.index() + " must hold whole shots of the render");
        }
        String name = "part " + part.index() + " (" + PartRecords.frames(partShots) + ")";
        List<FrameRange> segments = ShotSegments.of(partShots, job.request().segmentFrames());
        long frames = ShotSegments.frameCount(segments);
        Path lockFile = work.partFile(part.index(), "lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new MediaException(work.guard().typed(), name + " is being rendered by another process right now");
            }
            List<Path> files = files(spool.sink(), segments);
            Optional<String> problem = PartRecords.problem(work, part.index(), part.jobKey(), partShots, files);
            if (problem.isEmpty()) {
                return new RenderOutcome.PartRendered(part.index(), frames, true, Duration.ofNanos(System.nanoTime() - started));
            }
            Path record = work.partFile(part.index(), "done");
            Path checkpoint = work.partFile(part.index(), "checkpoint.bin");
            if (Files.exists(record)) {
                job.listener().warning(name + " " + problem.get() + "; rendering it again");
                work.guard().deleteWorkFile(record);
                work.guard().deleteWorkFile(checkpoint);
            }
            job.render(spool, segments, checkpoint, name);
            PartRecords.write(work, part.index(), part.jobKey(), partShots, files);
            work.guard().deleteWorkFile(checkpoint);
        }
        return new RenderOutcome.PartRendered(part.index(), frames, false, Duration.ofNanos(System.nanoTime() - started));
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** Throws, naming the first part that is missing or damaged, unless every part of the assembly is done and intact. */
    static void verifyAll(RenderScope.Assembly assembly, List<Shot> shots, WorkFolder work, FrameSink sink, String jobKey, int segmentFrames)
            throws MediaException, IOException {
        List<Shot> covered = new ArrayList<>();
        assembly.parts().forEach(covered::addAll);
        if (covered.size() != shots.size() || !new HashSet<>(covered).equals(new HashSet<>(shots))) {
            throw new IllegalArgumentException("the parts must hold every shot of the render exactly once");
        }
        for (int index = 0; index < assembly.parts().size(); index++) {
            List<Shot> partShots = assembly.parts().get(index).stream().sorted(Comparator.comparingLong(Shot::first)).toList();
            List<Path> files = files(sink, ShotSegments.of(partShots, segmentFrames));
            Optional<String> problem = PartRecords.problem(work, index, jobKey, partShots, files);
            if (problem.isPresent()) {
                throw new MediaException(work.guard().typed(), "part " + index + " (" + PartRecords.frames(partShots) + ") " + problem.get()
                        + "; run " + String.format(assembly.remedy(), index));
            }
        }
    }

    private static List<Path> files(FrameSink sink, List<FrameRange> segments) {
        List<Path> files = new ArrayList<>();
        segments.forEach(segment -> files.addAll(sink.finishedFiles(segment)));
        return files;
    }
}
