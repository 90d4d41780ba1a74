package dev.nitrate.engine.render;

import dev.nitrate.engine.checksum.Sha256;
import dev.nitrate.engine.colorize.ColorizerFactory;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.PinnedExemplar;
import dev.nitrate.engine.pack.ModelPack;
import dev.nitrate.engine.video.FilmInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A digest of everything that determines a render's output: a work folder is reused only for the same key. */
final class JobKey {

    private JobKey() {}

    /** The key of {@code request} over {@code range} of a film described by {@code info}, rendered through {@code factory}. */
    static String of(RenderRequest request, FilmInfo info, FrameRange range, ColorizerFactory factory) throws IOException {
        StringBuilder text = new StringBuilder("nitrate-render/1\n");
        Path film = request.film().toAbsolutePath().normalize();
        text.append("film=").append(film).append('\n');
        if (Files.isRegularFile(film)) {
            text.append("film.size=").append(Files.size(film)).append(" mtime=").append(Files.getLastModifiedTime(film).toMillis()).append('\n');
        }
        text.append("info=").append(info.width()).append('x').append(info.height()).append(' ').append(info.frameRate())
                .append(' ').append(info.frameCount()).append(' ').append(info.pixelFormat()).append('\n');
        for (PinnedExemplar exemplar : request.exemplars()) {
            text.append("exemplar=").append(exemplar.image().toAbsolutePath().normalize()).append(" sha256=").append(Sha256.of(exemplar.image()))
                    .append(" frame=").append(exemplar.frameOr(range.first())).append(" fit=").append(exemplar.fitOr(request.fit())).append('\n');
        }
        OutputSpec spec = request.output();
        text.append("fit=").append(request.fit()).append(" range=").append(range).append(" format=").append(spec.format())
                .append(" crf=").append(spec.crf()).append(" lumaLock=").append(spec.lumaLock()).append(" preset=").append(spec.preset())
                .append(" audio=").append(spec.copyAudio())
                .append(" segment=").append(request.segmentFrames());
        if (request.exemplarIsFrame()) {
            text.append(" exemplarIsFrame=true");
        }
        text.append('\n');
        text.append("pack=").append(packIdentity(request.pack()));
        text.append(" device=").append(request.inference().device()).append(" overrides=").append(request.inference().memoryOverrides());
        if (request.inference().modelMaxArea() != null) {
            text.append(" modelArea=").append(request.inference().modelMaxArea());
        }
        text.append(" engine=").append(factory.getClass().getName()).append('\n');
        return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pack and the digest of its manifest, the built-in pack's too: a checkpoint made with another version of a
     * pack (whose colorizer state may be laid out differently) is never resumed.
     */
    static String packIdentity(PackLocation pack) throws IOException {
        StringBuilder text = new StringBuilder(pack.toString());
        if (pack instanceof PackLocation.Folder folder && Files.exists(folder.directory().resolve("pack.json"))) {
            text.append(" sha256=").append(Sha256.of(folder.directory().resolve("pack.json")));
        }
        if (pack instanceof PackLocation.Builtin) {
            try (InputStream manifest = JobKey.class.getResourceAsStream(ModelPack.BUILTIN_RESOURCE_ROOT + "pack.json")) {
                if (manifest != null) {
                    text.append(" sha256=").append(Sha256.of(manifest));
                }
            }
        }
        return text.toString();
    }

}
