package dev.nitrate.cli;

import dev.nitrate.engine.model.ColorizerFactory;
import dev.nitrate.engine.model.PackException;

/**
 * Finds the engine's colorizer factory ({@code dev.nitrate.engine.model.PackColorizerFactory}).
 * Looked up by name so that {@code evaluate} and {@code bench} build before the engine branch is merged;
 * once it is, this becomes a plain constructor call.
 */
final class EngineAccess {

    static final String FACTORY_CLASS = "dev.nitrate.engine.model.PackColorizerFactory";

    private EngineAccess() {}

    static ColorizerFactory colorizerFactory() throws PackException {
        try {
            Object factory = Class.forName(FACTORY_CLASS).getDeclaredConstructor().newInstance();
            return (ColorizerFactory) factory;
        } catch (ClassNotFoundException e) {
            throw new PackException("this build of Nitrate has no model engine (" + FACTORY_CLASS + " is missing)");
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new PackException("the model engine cannot be started: " + e, e);
        }
    }
}
