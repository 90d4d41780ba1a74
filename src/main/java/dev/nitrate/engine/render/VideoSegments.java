package dev.nitrate.engine.render;

import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.video.AudioSource;
import dev.nitrate.engine.video.AudioStreamInfo;
import dev.nitrate.engine.video.DecodedFrame;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.OutputFrame;
import dev.nitrate.engine.video.RgbPixels;
import dev.nitrate.engine.video.SourceKind;
import dev.nitrate.engine.video.VideoAssembler;
import dev.nitrate.engine.video.VideoCodec;
import dev.nitrate.engine.video.VideoSegmentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A video file: encoded segment by segment into the work folder, then assembled (with the film's audio) into place. */
final class VideoSegments implements FrameSink {

    private final RenderRequest request;
    private final FilmInfo info;
    private final FrameRange range;
    private final List<FrameRange> segments;
    private final WorkFolder work;
    private final OutputGuard guard;
    private final String container;
    private final VideoCodec codec;
    private VideoSegmentWriter writer;
    private Path segmentFile;

    VideoSegments(RenderRequest request, FilmInfo info, FrameRange range, List<FrameRange> segments, WorkFolder work, OutputGuard guard,
            String container, VideoCodec codec) {
        this.request = request;
        this.info = info;
        this.range = range;
        this.segments = List.copyOf(segments);
        this.work = work;
        this.guard = guard;
        this.container = container;
        this.codec = codec;
    }

    @Override
    public void beginSegment(long firstFrame) throws MediaException {
        OutputSpec spec = request.output();
        segmentFile = work.segmentFile(firstFrame);
        writer = VideoSegmentWriter.create(work.partial(segmentFile), VideoSegmentWriter.SEGMENT_CONTAINER,
                spec.format().encodeSettings(info, spec.crf(), spec.lumaLock(), spec.preset()), info.fieldOrder());
    }

    @Override
    public void write(long frame, RgbPixels colour, DecodedFrame source) throws MediaException {
        writer.write(new OutputFrame(colour, request.output().lumaLock() ? source.videoLuma() : Optional.empty()));
    }

    @Override
    public void endSegment() throws MediaException, IOException {
        writer.finish();
        writer.close();
        writer = null;
        work.commit(work.partial(segmentFile), segmentFile);
    }

    @Override
    public void abandonSegment() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public List<Path> finishedFiles(FrameRange segment) {
        return List.of(work.segmentFile(segment.first()));
    }

    @Override
    public void discard(FrameRange segment) throws IOException {
        Path file = work.segmentFile(segment.first());
        guard.deleteWorkFile(file);
        guard.deleteWorkFile(work.partial(file));
    }

    @Override
    public Path finish(Map<String, String> containerTags) throws MediaException, IOException {
        List<Path> files = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (FrameRange segment : segments) {
            Path file = work.segmentFile(segment.first());
            if (!Files.exists(file)) {
                throw new MediaException(guard.typed(), "a finished segment of this render is missing; delete " + work.root() + " and render again");
            }
            files.add(file);
            counts.add(segment.frameCount());
        }
        Optional<AudioSource> audio = Optional.empty();
        if (request.output().copyAudio() && info.kind() == SourceKind.VIDEO_FILE && !info.audioStreams().isEmpty()) {
            boolean whole = range.first() == 0 && range.last() == info.frameCount() - 1;
            audio = Optional.of(new AudioSource(request.film(), info.audioStreams().stream().map(AudioStreamInfo::streamIndex).toList(),
                    info.secondsAt(range.first()), whole ? Double.POSITIVE_INFINITY : info.secondsAt(range.last() + 1)));
        }
        Path temporary = guard.assemblyFile();
        try {
            VideoAssembler.assemble(files, counts.stream().mapToLong(Long::longValue).toArray(), temporary, container, codec, info.frameRate(), audio,
                    SourceFidelity.videoMetadata(info, range).withContainerTags(containerTags));
            return temporary;
        } catch (MediaException e) {
            guard.deleteWorkFile(temporary);
            throw e.file().equals(temporary) ? new MediaException(guard.typed(), e.problem(), e) : e;
        }
    }

    @Override
    public void publish() throws MediaException, OutputRefusedException, IOException {
        Path temporary = guard.assemblyFile();
        try {
            guard.publishFile(temporary);
        } catch (IOException e) {
            guard.deleteWorkFile(temporary);
            throw new MediaException(guard.typed(), "cannot write (" + IoFailure.reason(e) + ")", e);
        }
    }
}
