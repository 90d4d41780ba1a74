package dev.nitrate.engine.project;

/** How an exemplar image is fitted to the frame size before it colours the film. */
public enum ExemplarFit {
    /** Scale to cover the frame and crop the overflow (keeps the aspect ratio). */
    COVER,
    /** Scale to fit inside the frame and pad with neutral grey (keeps the aspect ratio). */
    CONTAIN,
    /** Scale each axis to the frame size (distorts when the aspect ratios differ). */
    STRETCH
}
