package org.callscore.testing.components;

import java.lang.reflect.Field;

/** What Declarative Services does for a component's {@code @Reference} field, for a test that activates it itself. */
public final class References {

    private References() {
    }

    /** Sets the component's reference field {@code name} (private, as DS allows) to {@code service}. */
    public static <C> C set(C component, String name, Object service) {
        try {
            Field field = component.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(component, service);
            return component;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(component.getClass().getName() + " has no reference field " + name, e);
        }
    }
}
