package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import java.util.Arrays;

/** A film stored as one video file: frame-accurate access through a timestamp index of its packets. */
final class VideoFileReader implements FilmReader {

    private FfmpegInput input;
    private final FfmpegInput.PacketIndex index;
    private final FilmInfo info;
    private final RgbExtractor extractor;
    private long nextIndex;

    private VideoFileReader(FfmpegInput input, FfmpegInput.PacketIndex index, FilmInfo info, RgbExtractor extractor) {
        this.input = input;
        this.index = index;
        this.info = info;
        this.extractor = extractor;
    }

    static VideoFileReader open(Path file, FilmOpenOptions options) throws MediaException {
        FfmpegInput.PacketIndex packets;
        try (FfmpegInput scan = FfmpegInput.open(file)) {
            packets = scan.scanPackets();
        }
        FfmpegInput input = FfmpegInput.open(file);
        try {
            if (packets.frameCount() == 0) {
                throw new MediaException(file, "the video stream has no frames");
            }
            if (packets.truncated()) {
                long declared = input.videoStream().nb_frames();
                throw new MediaException(file, "file is truncated or damaged: only " + packets.frameCount() + " video frames can be read"
                        + (declared > 0 ? " of the " + declared + " it declares" : ""));
            }
            if (!input.decodeNext()) {
                throw new MediaException(file, "no video frame can be decoded (damaged or unsupported " + input.codecName() + " data)");
            }
            int pixelFormat = input.frame().format();
            int width = input.frame().width();
            int height = input.frame().height();
            if (width < 16 || height < 16) {
                throw new MediaException(file, "frame size " + width + "x" + height + " is too small (at least 16x16)");
            }
            int fieldOrder = input.videoStream().codecpar().field_order();
            boolean interlaced = fieldOrder >= 2 || (input.frame().flags() & FfmpegSupport.FRAME_FLAG_INTERLACED) != 0;
            int bitDepth = FfmpegSupport.bitDepth(pixelFormat);
            Rational rate = input.declaredFrameRate().orElseThrow(() -> new MediaException(file, "the video stream declares no frame rate"));
            FilmInfo info = new FilmInfo(file, SourceKind.VIDEO_FILE, input.containerName(), input.codecName(), width, height, bitDepth,
                    FfmpegSupport.pixelFormatName(pixelFormat), rate, packets.frameCount(), input.timecode(), interlaced, input.audioStreams());
            input.close();
            input = FfmpegInput.open(file);
            return new VideoFileReader(input, packets, info, new RgbExtractor(bitDepth > 8, options.withVideoLuma()));
        } catch (MediaException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    @Override
    public FilmInfo info() {
        return info;
    }

    @Override
    public DecodedFrame read(long frameIndex) throws MediaException {
        if (frameIndex < 0 || frameIndex >= info.frameCount()) {
            throw new MediaException(info.source(), "frame " + frameIndex + " is outside the film (frames 0-" + (info.frameCount() - 1) + ")");
        }
        if (frameIndex != nextIndex) {
            if (index.timestampsReliable()) {
                return readBySeeking(frameIndex);
            }
            if (frameIndex < nextIndex) {
                rewind();
            }
            while (nextIndex < frameIndex) {
                decodeOrFail(nextIndex);
                nextIndex++;
            }
        }
        decodeOrFail(frameIndex);
        nextIndex = frameIndex + 1;
        return extractor.extract(input.frame(), frameIndex);
    }

    private DecodedFrame readBySeeking(long frameIndex) throws MediaException {
        long target = index.sortedPts()[(int) frameIndex];
        long[] keys = index.sortedKeyPts();
        int position = Arrays.binarySearch(keys, target);
        int keyPosition = position >= 0 ? position : Math.max(0, -position - 2);
        for (int attempt = 0; attempt < 3 && keyPosition >= 0; attempt++, keyPosition--) {
            try {
                input.seekToKeyFrame(keys[keyPosition]);
            } catch (MediaException seekFailed) {
                break;
            }
            while (input.decodeNext()) {
                long pts = input.framePts();
                if (pts == target) {
                    nextIndex = frameIndex + 1;
                    return extractor.extract(input.frame(), frameIndex);
                }
                if (pts != AV_NOPTS_VALUE && pts > target) {
                    break;
                }
            }
        }
        rewind();
        while (nextIndex < frameIndex) {
            decodeOrFail(nextIndex);
            nextIndex++;
        }
        decodeOrFail(frameIndex);
        nextIndex = frameIndex + 1;
        return extractor.extract(input.frame(), frameIndex);
    }

    /** Back to frame 0 by reopening the file: seeking to the start is not reliable in every demuxer (AVI, raw DV). */
    private void rewind() throws MediaException {
        input.close();
        input = FfmpegInput.open(info.source());
        nextIndex = 0;
    }

    private void decodeOrFail(long frameIndex) throws MediaException {
        if (!input.decodeNext()) {
            throw new MediaException(info.source(), "the video ends at frame " + frameIndex + " although " + info.frameCount() + " frames were indexed");
        }
    }

    /** Closes this reader and returns what it read of the file. */
    FilmInfo closeAndDescribe() {
        close();
        return info;
    }

    @Override
    public void close() {
        extractor.close();
        input.close();
    }
}
