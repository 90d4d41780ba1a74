package dev.nitrate.cli;

import dev.nitrate.engine.colorize.ColorizerFactory;
import java.lang.reflect.InvocationTargetException;

/**
 * Where the command line gets its colorization engine. {@link NitrateCli} is built with one: the program
 * uses {@link #engine()}; tests pass their own factory with {@link #of}.
 */
@FunctionalInterface
public interface ColorizerProvider {

    /** The engine the program ships with, created by name so that a build without it can say so. */
    String ENGINE_CLASS = "dev.nitrate.engine.colormnet.PackColorizerFactory";

    /** The factory to render with; asked only by the commands that render. */
    ColorizerFactory factory() throws MissingEngineException;

    /** The program's own engine, {@value #ENGINE_CLASS}. */
    static ColorizerProvider engine() {
        return named(ENGINE_CLASS);
    }

    /** Always the given factory. */
    static ColorizerProvider of(ColorizerFactory factory) {
        return () -> factory;
    }

    /** Instantiates the named {@link ColorizerFactory} class (public no-argument constructor) when asked. */
    static ColorizerProvider named(String className) {
        return () -> {
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
        };
    }

    /** No engine can be created; the message says why, in one line. */
    final class MissingEngineException extends Exception {
        MissingEngineException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
