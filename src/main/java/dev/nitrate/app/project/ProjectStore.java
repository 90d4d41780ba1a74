package dev.nitrate.app.project;

import dev.nitrate.engine.checksum.Sha256;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nitrate.engine.colorize.ComputeDevice;
import dev.nitrate.engine.colorize.InferenceOptions;
import dev.nitrate.engine.colorize.PackLocation;
import dev.nitrate.engine.exemplar.ExemplarFit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes {@code .nitrate} project files (JSON).
 *
 * <p>On disk the film path is relative to the project's folder where possible, exemplar images are copied into a
 * folder beside the project ({@code <name>.exemplars/<sha256>.<ext>}) and referenced by their hash, and the
 * settings and render queue are stored as plain values.
 *
 * <p>Saving never destroys the last good copy: the JSON goes to a temporary file in the same folder which is
 * then renamed over the project atomically. The backup {@code <name>.nitrate.bak} is only ever written here, when
 * a save replaces an existing project file: it becomes a byte copy of that same file's previous content, if that
 * was a valid project (a damaged file never replaces the backup). A save whose content equals the file's leaves
 * the file and its backup untouched.
 */
public final class ProjectStore {

    /** The file name extension of project files, with the dot. */
    public static final String EXTENSION = ".nitrate";
    static final String FORMAT = "nitrate-project";
    static final int VERSION = 1;

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * Saves a project, copying its exemplar images next to it.
     *
     * @return the project as it now refers to the stored exemplar copies
     */
    public Project save(Project project, Path file) throws ProjectFileException {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        try {
            Files.createDirectories(folder);
            List<ProjectExemplar> stored = new ArrayList<>();
            List<ExemplarJson> exemplarJson = new ArrayList<>();
            for (ProjectExemplar exemplar : project.exemplars()) {
                ProjectExemplar copy = storeExemplar(exemplar, exemplarFolder(target));
                stored.add(copy);
                exemplarJson.add(new ExemplarJson(relative(folder, copy.image()), copy.sha256(), copy.originalName(),
                        copy.frame(), copy.scope(), copy.fit()));
            }
            List<RenderJson> renderJson = project.renders().stream().map(r -> new RenderJson(r.id(),
                    relative(folder, r.output()), r.format(), r.quality(), r.firstFrame(), r.endFrame(), r.lumaLock(),
                    r.audioPassthrough(), r.framesDone(), r.checkpoint() == null ? null : relative(folder, r.checkpoint()),
                    r.overwrite() ? Boolean.TRUE : null))
                    .toList();
            ProjectSettings s = project.settings();
            SettingsJson settingsJson = new SettingsJson(
                    s.pack() instanceof PackLocation.Folder f ? relative(folder, f.directory()) : "builtin",
                    s.device().toString(), s.previewHeight(), s.memoryOverrides());
            ProjectJson doc = new ProjectJson(FORMAT, VERSION,
                    project.film() == null ? null : relative(folder, project.film()), exemplarJson, settingsJson, renderJson,
                    project.shotStarts().isEmpty() ? null : project.shotStarts());
            byte[] bytes = json.writeValueAsBytes(doc);
            writeAtomically(target, bytes);
            return project.withExemplars(stored);
        } catch (IOException e) {
            throw new ProjectFileException(target, "could not save the project: " + describe(e), e);
        }
    }

    /** Opens a project file, resolving its relative paths against the file's folder. */
    public Project open(Path file) throws ProjectFileException {
        Path source = file.toAbsolutePath().normalize();
        ProjectJson doc;
        try (InputStream in = Files.newInputStream(source)) {
            doc = json.readValue(in, ProjectJson.class);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(source, "the project file does not exist");
        } catch (JsonProcessingException e) {
            throw damaged(source, "it is not valid project JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()) + ")", e);
        } catch (IOException e) {
            throw new ProjectFileException(source, "could not read the project: " + describe(e), e);
        }
        if (doc == null || !FORMAT.equals(doc.format())) {
            throw damaged(source, "it is not a Nitrate project (the \"format\" field is missing or wrong)", null);
        }
        if (doc.version() > VERSION) {
            throw new ProjectFileException(source, "the project was written by a newer Nitrate (format version "
                    + doc.version() + "; this one reads up to " + VERSION + ")");
        }
        Path folder = source.getParent();
        try {
            List<ProjectExemplar> exemplars = new ArrayList<>();
            for (ExemplarJson e : nullToEmpty(doc.exemplars())) {
                if (e.file() == null || e.sha256() == null) {
                    throw damaged(source, "an exemplar lacks its \"file\" or \"sha256\"", null);
                }
                Path image = folder.resolve(e.file()).normalize();
                if (!Files.isRegularFile(image)) {
                    throw new ProjectFileException(source, "exemplar '" + e.name() + "' is missing: expected " + image);
                }
                String actual = sha256(image);
                if (!actual.equalsIgnoreCase(e.sha256())) {
                    throw new ProjectFileException(source, "exemplar " + image + " has changed since it was added"
                            + " (SHA-256 " + actual + ", project expects " + e.sha256() + ")");
                }
                exemplars.add(new ProjectExemplar(image, e.sha256(), e.name(), e.frame(),
                        e.scope() == null ? PinScope.FRAME : e.scope(), e.fit() == null ? ExemplarFit.CROP : e.fit()));
            }
            SettingsJson sj = doc.settings();
            ProjectSettings settings = sj == null ? ProjectSettings.DEFAULTS : new ProjectSettings(
                    sj.pack() == null || sj.pack().equals("builtin") ? PackLocation.BUILTIN
                            : new PackLocation.Folder(folder.resolve(sj.pack()).normalize()),
                    sj.device() == null ? ComputeDevice.CPU : ComputeDevice.parse(sj.device()),
                    sj.previewHeight() == 0 ? ProjectSettings.DEFAULTS.previewHeight() : sj.previewHeight(),
                    sj.memory());
            List<RenderRecord> renders = new ArrayList<>();
            for (RenderJson r : nullToEmpty(doc.renders())) {
                renders.add(new RenderRecord(r.id(), folder.resolve(r.output()).normalize(), r.format(), r.quality(),
                        r.firstFrame(), r.endFrame(), r.lumaLock(), r.audioPassthrough(), r.framesDone(),
                        r.checkpoint() == null ? null : folder.resolve(r.checkpoint()).normalize(), Boolean.TRUE.equals(r.overwrite())));
            }
            Path film = doc.film() == null ? null : folder.resolve(doc.film()).normalize();
            return new Project(film, exemplars, settings, renders, nullToEmpty(doc.shots()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged(source, "a value is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProjectFileException(source, "could not read an exemplar: " + describe(e), e);
        }
    }

    /** The backup of the last good copy that {@link #save} keeps beside a project. */
    public static Path backupOf(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + ".bak");
    }

    /** The folder beside a project where its exemplar copies are kept. */
    public static Path exemplarFolder(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String stem = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return projectFile.resolveSibling(stem + ".exemplars");
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }

    private ProjectExemplar storeExemplar(ProjectExemplar exemplar, Path exemplarFolder) throws IOException {
        String name = exemplar.image().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        Path stored = exemplarFolder.resolve(exemplar.sha256() + extension).toAbsolutePath().normalize();
        if (!stored.equals(exemplar.image().toAbsolutePath().normalize()) && !Files.exists(stored)) {
            Files.createDirectories(exemplarFolder);
            Path temp = Files.createTempFile(exemplarFolder, ".copy-", extension);
            Files.copy(exemplar.image(), temp, StandardCopyOption.REPLACE_EXISTING);
            moveAtomically(temp, stored);
        }
        return new ProjectExemplar(stored, exemplar.sha256(), exemplar.originalName(), exemplar.frame(),
                exemplar.scope(), exemplar.fit());
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        refuseForeign(target, "choose another name for the project");
        Path backup = backupOf(target);
        refuseForeign(backup, "move it away to save " + target.getFileName() + " here");
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            if (Files.exists(target) && isValidProject(target)) {
                Path backupTemp = Files.createTempFile(target.getParent(), "." + backup.getFileName() + "-", ".tmp");
                Files.copy(target, backupTemp, StandardCopyOption.REPLACE_EXISTING);
                moveAtomically(backupTemp, backup);
            }
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A save replaces only a project file (a damaged one too) or its backup: anything else at that name (a link, a folder, another
     * program's file) is the user's and is never written over.
     */
    private static void refuseForeign(Path file, String advice) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean project = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        if (project) {
            byte[] head = new byte[4096];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            project = new String(head, 0, read, StandardCharsets.UTF_8).contains("\"" + FORMAT + "\"");
        }
        if (!project) {
            throw new FileAlreadyExistsException(file.toString(), null, "it is not a Nitrate project; " + advice);
        }
    }

    private boolean isValidProject(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ProjectJson doc = json.readValue(in, ProjectJson.class);
            return doc != null && FORMAT.equals(doc.format());
        } catch (IOException e) {
            return false;
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ProjectFileException damaged(Path file, String problem, Throwable cause) {
        Path backup = backupOf(file);
        String hint = Files.isRegularFile(backup) ? ". The last good copy is kept at " + backup : "";
        return new ProjectFileException(file, "the project file is damaged: " + problem + hint, cause);
    }

    private static String relative(Path folder, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (folder.getRoot() != null && folder.getRoot().equals(absolute.getRoot())) {
            return folder.relativize(absolute).toString().replace('\\', '/');
        }
        return absolute.toString();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                + (message == null ? "" : " (" + message + ")");
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProjectJson(String format, int version, String film, List<ExemplarJson> exemplars, SettingsJson settings,
                       List<RenderJson> renders, List<Integer> shots) {}

    record ExemplarJson(String file, String sha256, String name, int frame, PinScope scope, ExemplarFit fit) {}

    record SettingsJson(String pack, String device, int previewHeight, InferenceOptions.MemoryOverrides memory) {}

    record RenderJson(String id, String output, ExportFormat format, int quality, int firstFrame, int endFrame,
                      boolean lumaLock, boolean audioPassthrough, int framesDone, String checkpoint, Boolean overwrite) {}
}
