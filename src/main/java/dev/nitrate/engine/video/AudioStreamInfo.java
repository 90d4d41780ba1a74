package dev.nitrate.engine.video;

/**
 * One audio stream of a film, copied unchanged into video outputs.
 *
 * @param streamIndex the stream's index in the container
 * @param codec FFmpeg's codec name, e.g. {@code aac}
 * @param channels channel count
 * @param sampleRate samples per second
 * @param language the language tag, or an empty string
 */
public record AudioStreamInfo(int streamIndex, String codec, int channels, int sampleRate, String language) {}
