package dev.nitrate.engine.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A film stored as still images, one file per frame: random access is opening the right file. */
final class ImageSequenceReader implements FilmReader {

    private final List<Path> files;
    private final FilmInfo info;
    private final RgbExtractor extractor;

    private ImageSequenceReader(List<Path> files, FilmInfo info, RgbExtractor extractor) {
        this.files = files;
        this.info = info;
        this.extractor = extractor;
    }

    static ImageSequenceReader open(Path source, List<Path> files, List<NumberGap> gaps, FilmOpenOptions options) throws MediaException {
        Path first = files.get(0);
        try (FfmpegInput input = FfmpegInput.open(first)) {
            if (!input.decodeNext()) {
                throw new MediaException(first, "no image can be decoded from this file");
            }
            int width = input.frame().width();
            int height = input.frame().height();
            if (width < 16 || height < 16) {
                throw new MediaException(first, "frame size " + width + "x" + height + " is too small (at least 16x16)");
            }
            int format = input.frame().format();
            int depth = FfmpegSupport.bitDepth(format);
            FilmInfo info = new FilmInfo(source, SourceKind.IMAGE_SEQUENCE, input.containerName(), input.codecName(), width, height, depth,
                    FfmpegSupport.pixelFormatName(format), options.sequenceFrameRate(), files.size(), Optional.empty(), FieldOrder.UNKNOWN, List.of(), Optional.empty(), gaps,
                    ColourTags.of(input.frame()));
            return new ImageSequenceReader(List.copyOf(files), info, new RgbExtractor(depth > 8, options.withVideoLuma()));
        }
    }

    @Override
    public FilmInfo info() {
        return info;
    }

    @Override
    public DecodedFrame read(long frameIndex) throws MediaException {
        if (frameIndex < 0 || frameIndex >= files.size()) {
            throw new MediaException(info.source(), "frame " + frameIndex + " is outside the film (frames 0-" + (files.size() - 1) + ")");
        }
        Path file = files.get((int) frameIndex);
        try (FfmpegInput input = FfmpegInput.open(file)) {
            if (!input.decodeNext()) {
                throw new MediaException(file, "no image can be decoded from this file");
            }
            if (input.frame().width() != info.width() || input.frame().height() != info.height()) {
                throw new MediaException(file, "image is " + input.frame().width() + "x" + input.frame().height()
                        + " but the sequence's first image is " + info.width() + "x" + info.height());
            }
            return extractor.extract(input.frame(), frameIndex);
        }
    }

    @Override
    public void close() {
        extractor.close();
    }
}
