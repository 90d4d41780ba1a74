package dev.nitrate.engine.bench;

/**
 * Time of one stage per frame over the measured frames, in milliseconds. Stages that run only
 * on some frames (the value encoder on memory frames) have a small median and a telling mean.
 *
 * @param stage the stage name
 * @param medianMillis median over frames (a frame where the stage did not run counts as 0)
 * @param meanMillis mean over frames
 * @param maxMillis the slowest frame
 */
public record StageFigure(String stage, double medianMillis, double meanMillis, double maxMillis) {}
