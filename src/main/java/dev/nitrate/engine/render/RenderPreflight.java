package dev.nitrate.engine.render;

import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.safety.OutputGuard;
import dev.nitrate.engine.safety.OutputRefusedException;
import dev.nitrate.engine.safety.ProtectedInput;
import dev.nitrate.engine.video.FilmInfo;
import dev.nitrate.engine.video.MediaException;
import dev.nitrate.engine.video.VideoCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks of a render request that need no decoding: the output against the inputs (through the
 * {@link OutputGuard}), the container, the encoder, and, once the film is probed, whether the encoder
 * takes its frame size. A request that fails here has done no work and changed nothing.
 */
final class RenderPreflight {

    private static final Pattern PRINTF_NUMBER = Pattern.compile("%0?\\d*d");

    /** A request that passed: the claimed output, its container and its encoder (both empty for frames). */
    record Cleared(OutputGuard guard, Optional<String> container, Optional<VideoCodec> codec, Optional<OutputGuard> confidence) {}

    private RenderPreflight() {}

    static Cleared check(RenderRequest request) throws MediaException, OutputRefusedException {
        OutputSpec spec = request.output();
        Path output = spec.path();
        Optional<String> container = OutputFormat.containerFor(output.toAbsolutePath().normalize());
        if (spec.format().isVideo() && container.isEmpty()) {
            throw new MediaException(output, "a video output needs a .mp4, .mov or .mkv name");
        }
        if (container.isPresent() && spec.format().containerProblem(container.get()).isPresent()) {
            throw new MediaException(output, spec.format().containerProblem(container.get()).get());
        }
        Optional<VideoCodec> codec = spec.format().codec();
        if (codec.isPresent() && !codec.get().isAvailable()) {
            throw new MediaException(output, "this FFmpeg build has no " + codec.get().encoderName() + " encoder");
        }
        OutputGuard guard = OutputGuard.claim(output, spec.format().isVideo() ? OutputGuard.Shape.FILE : OutputGuard.Shape.FOLDER,
                spec.overwrite(), inputs(request));
        Optional<OutputGuard> confidence = Optional.empty();
        if (request.confidence().isPresent()) {
            Path folder = request.confidence().get();
            List<ProtectedInput> protectedPaths = new ArrayList<>(inputs(request));
            protectedPaths.add(spec.format().isVideo() ? ProtectedInput.file(guard.target(), "the render's output")
                    : ProtectedInput.folder(guard.target(), "the render's output"));
            OutputGuard claimed = OutputGuard.claim(folder, OutputGuard.Shape.FOLDER, spec.overwrite(), protectedPaths);
            if (claimed.target().equals(guard.target()) || claimed.workFolder().equals(guard.workFolder())) {
                throw new OutputRefusedException(folder + ": is the render's output; give the confidence its own folder");
            }
            confidence = Optional.of(claimed);
        }
        return new Cleared(guard, container, codec, confidence);
    }

    /** Refuses a film whose frame size the chosen encoder cannot take (4:2:0 needs an even width and height), naming the user's film. */
    static void checkFrameSize(RenderRequest request, FilmInfo info) throws MediaException {
        OutputFormat format = request.output().format();
        boolean subsampled = format == OutputFormat.H264 || format == OutputFormat.H265 || format == OutputFormat.H265_10;
        if (subsampled && (info.width() % 2 != 0 || info.height() % 2 != 0)) {
            throw new MediaException(request.film(), "is " + info.width() + "x" + info.height() + "; " + format.cliName()
                    + " (4:2:0) needs an even width and height: render it with --format ffv1 (in .mkv), png or tiff");
        }
    }

    /** Everything the request reads: the film (every frame of an image sequence and its folder), the exemplars and the pack. */
    static List<ProtectedInput> inputs(RenderRequest request) {
        List<ProtectedInput> inputs = new ArrayList<>();
        Path film = request.film();
        String name = film.getFileName() == null ? "" : film.getFileName().toString();
        if (PRINTF_NUMBER.matcher(name).find()) {
            Path folder = film.toAbsolutePath().getParent();
            inputs.add(ProtectedInput.file(folder, "the folder of the film's frames"));
            Pattern frame = printfRegex(name);
            filesIn(folder).stream().filter(f -> frame.matcher(f.getFileName().toString()).matches())
                    .forEach(f -> inputs.add(ProtectedInput.file(f, "a frame of the film")));
        } else if (Files.isDirectory(film)) {
            inputs.add(ProtectedInput.folder(film, "the image-sequence folder"));
            filesIn(film).forEach(f -> inputs.add(ProtectedInput.file(f, "a frame of the film")));
        } else {
            inputs.add(ProtectedInput.file(film, "the film"));
        }
        for (PinnedExemplar exemplar : request.exemplars()) {
            inputs.add(ProtectedInput.file(exemplar.image(), "the exemplar"));
        }
        if (request.pack() instanceof PackLocation.Folder folder) {
            inputs.add(ProtectedInput.folder(folder.directory(), "the model pack"));
        }
        return inputs;
    }

    private static Pattern printfRegex(String name) {
        StringBuilder regex = new StringBuilder();
        Matcher number = PRINTF_NUMBER.matcher(name);
        int last = 0;
        while (number.find()) {
            regex.append(Pattern.quote(name.substring(last, number.start()))).append("\\d+");
            last = number.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(name.substring(last))).toString());
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
