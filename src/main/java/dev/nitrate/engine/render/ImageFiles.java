package dev.nitrate.engine.render;

import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A folder of image files, one per frame, written into the work folder and moved into place when complete. */
final class ImageFiles implements FrameSink {

    private final OutputGuard guard;
    private final WorkFolder work;
    private final ImageFormat format;

    ImageFiles(OutputGuard guard, WorkFolder work, ImageFormat format) {
        this.guard = guard;
        this.work = work;
        this.format = format;
    }

    @Override
    public void beginSegment(long firstFrame) {
    }

    @Override
    public void write(long frame, RgbPixels colour, DecodedFrame source) throws MediaException {
        ImageFileWriter.write(colour, format, frameFile(frame));
    }

    private Path frameFile(long frame) {
        return work.frames().resolve(String.format("frame_%06d.%s", frame, format.extension()));
    }

    @Override
    public List<Path> finishedFiles(FrameRange segment) {
        List<Path> files = new ArrayList<>();
        for (long frame = segment.first(); frame <= segment.last(); frame++) {
            files.add(frameFile(frame));
        }
        return files;
    }

    @Override
    public void discard(FrameRange segment) throws IOException {
        for (Path file : finishedFiles(segment)) {
            guard.deleteWorkFile(file);
            guard.deleteWorkFile(file.resolveSibling("." + file.getFileName() + ".part"));
        }
    }

    @Override
    public void endSegment() {
    }

    @Override
    public void abandonSegment() {
    }

    @Override
    public Path finish(Map<String, String> containerTags) {
        return work.frames();
    }

    @Override
    public List<String> frameFileNames() throws IOException {
        try (Stream<Path> files = Files.list(work.frames())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("frame_")).sorted().toList();
        }
    }

    @Override
    public void publish() throws MediaException, OutputRefusedException {
        try {
            guard.publishFolder(work.frames());
        } catch (IOException e) {
            throw new MediaException(guard.typed(), "cannot move the finished frames into place (" + IoFailure.reason(e) + ")", e);
        }
    }
}
