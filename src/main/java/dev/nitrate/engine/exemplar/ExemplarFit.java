package dev.nitrate.engine.exemplar;

/**
 * How an exemplar of another size or aspect ratio is fitted to the film's frame.
 *
 * <ul>
 *   <li>{@link #STRETCH}: resized to the frame's size, ignoring aspect ratio (what the ColorMNet release does).
 *   <li>{@link #CROP}: scaled to cover the frame, keeping aspect ratio; the overflow is cut off equally on both sides.
 *   <li>{@link #PAD}: scaled to fit inside the frame, keeping aspect ratio; the rest is neutral mid-grey
 *       (L = 50, a = b = 0), so the padding suggests no colour.
 * </ul>
 */
public enum ExemplarFit {
    STRETCH,
    CROP,
    PAD
}
