package dev.nitrate.engine.video;

/** Whether a film is one video file or a sequence of still images. */
public enum SourceKind {
    VIDEO_FILE,
    IMAGE_SEQUENCE
}
