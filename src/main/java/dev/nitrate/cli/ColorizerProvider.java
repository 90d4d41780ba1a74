package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ColorizerFactory;
import java.lang.reflect.InvocationTargetException;

/**
 * The composition root of the command line: the one place that decides which colorization engine
 * renders. It instantiates {@value #ENGINE_CLASS}; the system property {@code nitrate.colorizerFactory}
 * names another {@link ColorizerFactory} class (tests use a deterministic stand-in).
 */
final class ColorizerProvider {

    static final String ENGINE_CLASS = "dev.nitrate.engine.colormnet.PackColorizerFactory";
    static final String OVERRIDE_PROPERTY = "nitrate.colorizerFactory";

    /** No engine can be created; the message says why, in one line. */
    static final class MissingEngineException extends Exception {
        MissingEngineException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ColorizerProvider() {}

    static ColorizerFactory factory() throws MissingEngineException {
        String className = System.getProperty(OVERRIDE_PROPERTY, ENGINE_CLASS);
        try {
            Object instance = Class.forName(className).getDeclaredConstructor().newInstance();
            if (!(instance instanceof ColorizerFactory factory)) {
                throw new MissingEngineException(className + " is not a ColorizerFactory", null);
            }
            return factory;
        } catch (ClassNotFoundException e) {
            throw new MissingEngineException("this build has no colorization engine (" + className + " is missing)", e);
        } catch (InvocationTargetException e) {
            throw new MissingEngineException("the colorization engine cannot start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new MissingEngineException("the colorization engine cannot be created: " + e, e);
        }
    }
}
