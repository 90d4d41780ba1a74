package dev.nitrate.engine.colorize;

/**
 * What the memory bank holds after the last frame.
 *
 * @param workingFrames frames' worth of entries in working memory (the exemplars included)
 * @param workingElements entries in working memory
 * @param longTermElements prototypes in long-term memory
 * @param permanentElements working-memory entries that belong to exemplars and are never consolidated
 * @param framesSeen frames colorized since the sequence began
 * @param memoryFramesAdded frames whose values were added to memory
 * @param consolidations times working memory was consolidated into long-term memory
 */
public record MemoryStats(
        int workingFrames,
        int workingElements,
        int longTermElements,
        int permanentElements,
        long framesSeen,
        long memoryFramesAdded,
        long consolidations) {

    public static final MemoryStats EMPTY = new MemoryStats(0, 0, 0, 0, 0, 0, 0);
}
