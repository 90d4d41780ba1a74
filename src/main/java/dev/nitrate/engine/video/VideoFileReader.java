package dev.nitrate.engine.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** A film stored as one video file: frame-accurate access through a timestamp index of its packets. */
final class VideoFileReader implements FilmReader {

    private FfmpegInput input;
    private final FfmpegInput.PacketIndex index;
    private final FilmInfo info;
    private final RgbExtractor extractor;
    /** For each film frame, the position of the source frame it shows in the sorted source timestamps (a held frame repeats). */
    private final int[] sourceOfFrame;
    private final DisplayScaler display = new DisplayScaler();
    /** The decode-order position of the next frame the decoder gives, or -1 when not known (after a run by timestamps was stopped). */
    private long nextIndex;
    /** The source frame the decoder's current picture shows, or -1. */
    private int held = -1;
    private int lastSource = -1;
    private DecodedFrame lastFrame;

    private VideoFileReader(FfmpegInput input, FfmpegInput.PacketIndex index, FilmInfo info, RgbExtractor extractor, int[] sourceOfFrame) {
        this.input = input;
        this.index = index;
        this.info = info;
        this.extractor = extractor;
        this.sourceOfFrame = sourceOfFrame;
    }

    /**
     * Maps film frames to source frames. A constant-rate file maps one to one. An AVI file whose timestamps
     * all fall on the frame grid but skip some slots (frames held: empty chunks in the AVI) is read at its
     * constant rate, each missing slot repeating the frame before it, so duration and rate stay right.
     */
    static int[] frameGrid(long[] sortedPts, org.bytedeco.ffmpeg.avutil.AVRational timeBase, Rational rate) {
        int[] identity = new int[sortedPts.length];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        double ticks = (double) timeBase.den() * rate.denominator() / ((double) timeBase.num() * rate.numerator());
        long frameTicks = Math.round(ticks);
        if (sortedPts.length < 2 || frameTicks < 1 || Math.abs(ticks - frameTicks) > 1e-3) {
            return identity;
        }
        boolean gaps = false;
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < sortedPts.length; i++) {
            long difference = sortedPts[i] - sortedPts[i - 1];
            if (difference % frameTicks != 0) {
                return identity;
            }
            gaps |= difference > frameTicks;
            smallest = Math.min(smallest, difference);
        }
        if (!gaps) {
            return identity;
        }
        long slots = (sortedPts[sortedPts.length - 1] - sortedPts[0]) / frameTicks + 1;
        int[] grid = new int[(int) slots];
        int source = 0;
        for (int slot = 0; slot < slots; slot++) {
            long slotPts = sortedPts[0] + slot * frameTicks;
            while (source + 1 < sortedPts.length && sortedPts[source + 1] <= slotPts) {
                source++;
            }
            grid[slot] = source;
        }
        return grid;
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
            FieldOrder fieldOrder = fieldOrder(input);
            int bitDepth = FfmpegSupport.bitDepth(pixelFormat);
            Rational rate = input.declaredFrameRate().orElseThrow(() -> new MediaException(file, "the video stream declares no frame rate"));
            int[] grid = packets.timestampsReliable() && input.containerName().equals("avi") ? frameGrid(packets.sortedPts(), input.videoStream().time_base(), rate) : null;
            long frameCount = grid == null ? packets.frameCount() : grid.length;
            AVRational timeBase = input.videoStream().time_base();
            Optional<FrameTimes> variableTiming = grid == null && packets.timestampsReliable()
                    ? Optional.ofNullable(FrameTimes.ifVariable(new Rational(timeBase.num(), timeBase.den()), packets.sortedPts(), packets.endPts()))
                    : Optional.empty();
            FilmInfo info = new FilmInfo(file, SourceKind.VIDEO_FILE, input.containerName(), input.codecName(), width, height, bitDepth,
                    FfmpegSupport.pixelFormatName(pixelFormat), rate, frameCount, input.timecode(), fieldOrder, input.audioStreams(),
                    variableTiming, List.of(), ColourTags.of(input.frame()));
            input.close();
            input = FfmpegInput.open(file);
            return new VideoFileReader(input, packets, info, new RgbExtractor(bitDepth > 8, options.withVideoLuma()), grid);
        } catch (MediaException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * The first frame's field order when its bitstream flags it interlaced (what a decoder shows), else the stream's (the container's
     * flag: FFmpeg's H.264 parser can report top-first for a bottom-first stream).
     */
    private static FieldOrder fieldOrder(FfmpegInput input) {
        int flags = input.frame().flags();
        if ((flags & FfmpegSupport.FRAME_FLAG_INTERLACED) != 0) {
            return (flags & FfmpegSupport.FRAME_FLAG_TOP_FIELD_FIRST) != 0 ? FieldOrder.TOP_FIRST : FieldOrder.BOTTOM_FIRST;
        }
        return FieldOrder.fromFfmpeg(input.videoStream().codecpar().field_order());
    }

    @Override
    public FilmInfo info() {
        return info;
    }

    @Override
    public DecodedFrame read(long frameIndex) throws MediaException {
        int source = sourceOf(frameIndex);
        if (source == lastSource && lastFrame != null) {
            return new DecodedFrame(frameIndex, lastFrame.pixels(), lastFrame.videoLuma());
        }
        moveTo(source, () -> false);
        DecodedFrame frame = extractor.extract(input.frame(), frameIndex);
        lastSource = source;
        lastFrame = frame;
        return frame;
    }

    @Override
    public Optional<RgbPixels.Rgb8> readForDisplay(long frameIndex, int maxWidth, int maxHeight, BooleanSupplier stop) throws MediaException {
        int source = sourceOf(frameIndex);
        if (!moveTo(source, stop)) {
            return Optional.empty();
        }
        return Optional.of(display.convert(input.frame(), DisplaySize.fitting(info.width(), info.height(), maxWidth, maxHeight)));
    }

    private int sourceOf(long frameIndex) throws MediaException {
        if (frameIndex < 0 || frameIndex >= info.frameCount()) {
            throw new MediaException(info.source(), "frame " + frameIndex + " is outside the film (frames 0-" + (info.frameCount() - 1) + ")");
        }
        return sourceOfFrame == null ? (int) frameIndex : sourceOfFrame[(int) frameIndex];
    }

    /**
     * Leaves the decoder holding the source frame at the given position of the decode-order count (the sorted timestamps).
     * With reliable timestamps a run towards a frame goes by timestamp and skips the frames shown before it that no frame refers
     * to; a run that {@code stop} ends leaves the position unknown, so the next read seeks.
     *
     * @return false when {@code stop} ended the run
     */
    private boolean moveTo(int source, BooleanSupplier stop) throws MediaException {
        if (source == held) {
            return true;
        }
        held = -1;
        if (source != nextIndex) {
            if (index.timestampsReliable()) {
                boolean onward = nextIndex >= 0 && source > nextIndex && keySourceAtOrBefore(source) < nextIndex;
                if (!(onward && decodeOnTo(source, stop) || !onward && seekTo(source, stop))) {
                    return false;
                }
                return reached(source);
            }
            if (source < nextIndex || nextIndex < 0) {
                rewind();
            }
            if (!countTo(source, stop)) {
                return false;
            }
        }
        decodeOrFail(source);
        return reached(source);
    }

    private boolean reached(int source) {
        nextIndex = source + 1;
        held = source;
        return true;
    }

    /** Decodes on from the current position to the frame with the source's timestamp; false when stopped. */
    private boolean decodeOnTo(int source, BooleanSupplier stop) throws MediaException {
        long target = index.sortedPts()[source];
        nextIndex = -1;
        input.skipNonReferenceBelow(target);
        try {
            while (!stop.getAsBoolean() && input.decodeNext()) {
                long pts = input.framePts();
                if (pts == target) {
                    return true;
                }
                if (pts != AV_NOPTS_VALUE && pts > target) {
                    break;
                }
            }
        } finally {
            input.skipNonReferenceBelow(Long.MIN_VALUE);
        }
        return !stop.getAsBoolean() && seekTo(source, stop);
    }

    /** Seeks to the keyframe before the source frame and decodes on to it by timestamp; false when stopped. */
    private boolean seekTo(int source, BooleanSupplier stop) throws MediaException {
        long target = index.sortedPts()[source];
        long[] keys = index.sortedKeyPts();
        int position = Arrays.binarySearch(keys, target);
        int keyPosition = position >= 0 ? position : Math.max(0, -position - 2);
        input.skipNonReferenceBelow(target);
        try {
            for (int attempt = 0; attempt < 3 && keyPosition >= 0; attempt++, keyPosition--) {
                try {
                    input.seekToKeyFrame(keys[keyPosition]);
                } catch (MediaException seekFailed) {
                    break;
                }
                nextIndex = -1;
                while (input.decodeNext()) {
                    if (stop.getAsBoolean()) {
                        return false;
                    }
                    long pts = input.framePts();
                    if (pts == target) {
                        return true;
                    }
                    if (pts != AV_NOPTS_VALUE && pts > target) {
                        break;
                    }
                }
            }
        } finally {
            input.skipNonReferenceBelow(Long.MIN_VALUE);
        }
        rewind();
        if (!countTo(source, stop)) {
            return false;
        }
        decodeOrFail(source);
        return true;
    }

    /** Decodes frame after frame, counting, up to (not including) the source frame; false when stopped (the count stays right). */
    private boolean countTo(int source, BooleanSupplier stop) throws MediaException {
        while (nextIndex < source) {
            if (stop.getAsBoolean()) {
                return false;
            }
            decodeOrFail(nextIndex);
            nextIndex++;
        }
        return true;
    }

    /** The decode-order position of the last keyframe at or before {@code source}. */
    private int keySourceAtOrBefore(int source) {
        long[] keys = index.sortedKeyPts();
        int position = Arrays.binarySearch(keys, index.sortedPts()[source]);
        int keyPosition = position >= 0 ? position : -position - 2;
        if (keyPosition < 0) {
            return 0;
        }
        int keySource = Arrays.binarySearch(index.sortedPts(), keys[keyPosition]);
        return keySource >= 0 ? keySource : Math.max(0, -keySource - 2);
    }

    @Override
    public long keyFrameAtOrBefore(long frameIndex) {
        if (frameIndex < 0 || frameIndex >= info.frameCount() || !index.timestampsReliable()) {
            return Math.max(0, Math.min(frameIndex, info.frameCount() - 1));
        }
        int keySource = keySourceAtOrBefore(sourceOfFrame == null ? (int) frameIndex : sourceOfFrame[(int) frameIndex]);
        long frame = frameIndex;
        while (frame > 0 && (sourceOfFrame == null ? frame : sourceOfFrame[(int) frame]) > keySource) {
            frame--;
        }
        return frame;
    }

    /** Back to frame 0 by reopening the file: seeking to the start is not reliable in every demuxer (AVI, raw DV). */
    private void rewind() throws MediaException {
        input.close();
        input = FfmpegInput.open(info.source());
        nextIndex = 0;
        held = -1;
    }

    private void decodeOrFail(long sourceIndex) throws MediaException {
        if (!input.decodeNext()) {
            throw new MediaException(info.source(), "the video ends after " + sourceIndex + " decoded frames although " + index.frameCount() + " were indexed");
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
        display.close();
        input.close();
    }
}
