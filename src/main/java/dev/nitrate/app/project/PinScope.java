package dev.nitrate.app.project;

/** What an exemplar is pinned to: one frame (it colours from there on) or the whole shot holding that frame. */
public enum PinScope {
    FRAME,
    SHOT
}
