package dev.nitrate.testing;

import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.render.FrameRange;
import dev.nitrate.engine.render.OutputFormat;
import dev.nitrate.engine.render.OutputSpec;
import dev.nitrate.engine.render.RenderJob;
import dev.nitrate.engine.render.RenderListener;
import dev.nitrate.engine.render.RenderOutcome;
import dev.nitrate.engine.render.RenderRequest;
import dev.nitrate.engine.video.FilmOpenOptions;
import dev.nitrate.engine.video.ImageFileWriter;
import dev.nitrate.engine.video.ImageFormat;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.RgbPixels;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds render requests and exemplar images for tests. */
public final class Renders {

    private Renders() {}

    public static Path solidExemplar(Path file, int r, int g, int b) throws MediaException {
        int width = 40;
        int height = 30;
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        ImageFileWriter.write(new RgbPixels.Rgb8(width, height, rgb), ImageFormat.PNG, file);
        return file;
    }

    public static RenderRequest request(Path film, List<PinnedExemplar> exemplars, Path output, OutputFormat format, boolean lumaLock,
            Optional<FrameRange> frames, int segmentFrames) {
        return new RenderRequest(film, FilmOpenOptions.defaults(), exemplars, ExemplarFit.STRETCH, frames,
                new OutputSpec(output, format, 18, lumaLock, "veryfast"), PackLocation.BUILTIN, InferenceOptions.cpu(), segmentFrames);
    }

    public static RenderOutcome render(RenderRequest request) {
        return new RenderJob(request, new MeanChromaColorizerFactory(), RenderListener.SILENT).run();
    }
}
