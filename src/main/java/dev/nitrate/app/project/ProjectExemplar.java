package dev.nitrate.app.project;

import dev.nitrate.engine.exemplar.ExemplarFit;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A colour reference pinned to the film.
 *
 * @param image the image file (absolute once a project is opened)
 * @param sha256 hex SHA-256 of the image bytes, which identifies the copy stored beside the project
 * @param originalName the file name the user picked, for display
 * @param frame the pinned frame index (for a shot pin, any frame of the shot)
 * @param scope frame or shot pin
 * @param fit how the image is fitted to the frame
 */
public record ProjectExemplar(Path image, String sha256, String originalName, int frame, PinScope scope, ExemplarFit fit) {

    public ProjectExemplar {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(fit, "fit");
        if (frame < 0) {
            throw new IllegalArgumentException("pinned frame must be >= 0, got " + frame);
        }
        if (originalName == null || originalName.isBlank()) {
            originalName = image.getFileName().toString();
        }
    }

    public ProjectExemplar withPin(int newFrame, PinScope newScope) {
        return new ProjectExemplar(image, sha256, originalName, newFrame, newScope, fit);
    }

    public ProjectExemplar withFit(ExemplarFit newFit) {
        return new ProjectExemplar(image, sha256, originalName, frame, scope, newFit);
    }
}
