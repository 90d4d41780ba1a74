/**
 * Interim adapters that stand in for pipeline and metrics pieces not yet merged into this branch (video decoding,
 * image-sequence reading, shot detection, exemplar fitting, export, per-shot figures). Each implements an interface
 * of the editor, so the composition root swaps in the engine's implementation once it exists.
 */
package dev.nitrate.app.interim;
