package dev.nitrate.app.tasks;

/** A task that ended with an exception while it was still wanted. */
public record TaskFailure(String lane, Exception error) {}
