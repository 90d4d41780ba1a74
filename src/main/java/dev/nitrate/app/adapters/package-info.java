/**
 * Adapters from the editor's small service interfaces to the engine: film decoding ({@code engine.video}), shot
 * detection ({@code engine.shots}), exemplar fitting ({@code engine.exemplar}), per-shot figures
 * ({@code engine.metrics}) and the device check. The composition root wires them; tests may wire others.
 */
package dev.nitrate.app.adapters;
