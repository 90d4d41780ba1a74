package dev.nitrate.app.tasks;

import java.util.ArrayList;
import java.util.List;

/** Tells a background task that its result is no longer wanted; the task polls it and gives up early. */
public final class CancellationToken {

    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = List.copyOf(onCancel);
            onCancel.clear();
        }
        actions.forEach(Runnable::run);
    }

    /** Runs {@code action} when the token is cancelled, or at once if it already is. */
    void whenCancelled(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }
}
