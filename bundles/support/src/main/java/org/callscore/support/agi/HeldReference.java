package org.callscore.support.agi;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An AGI application's optional, dynamic reference to another module's service, bound through methods that hand
 * it here. While the application's component is active it follows the service as it comes, goes and is replaced.
 * Once the component is deactivated (its bundle updated or stopped) it keeps the last service: Declarative Services
 * unbinds every reference of a deactivated component, and a field reference would turn null under a call still in
 * flight on that instance, or one handed to it just before, which would then take the module for gone (a callback
 * not requested, a ping answering DOWN). A service that really went makes such a call fail as it would at any time.
 */
public final class HeldReference<T> {

    private final AtomicReference<T> service = new AtomicReference<>();
    private volatile boolean held;

    public HeldReference() {
    }

    /** For unit tests, which build the application without Declarative Services. */
    public HeldReference(T service) {
        this.service.set(service);
    }

    public void bind(T bound) {
        service.set(bound);
    }

    public void unbind(T unbound) {
        if (!held) {
            service.compareAndSet(unbound, null); // a greedy replacement binds the new one first
        }
    }

    /** Called by the component's deactivate method, before Declarative Services unbinds. */
    public void hold() {
        held = true;
    }

    /** @return the service now: read it once per use, it may go between two reads */
    public Optional<T> get() {
        return Optional.ofNullable(service.get());
    }
}
