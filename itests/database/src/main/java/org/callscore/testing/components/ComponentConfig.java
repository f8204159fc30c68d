package org.callscore.testing.components;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's annotation-typed configuration as Declarative Services makes it from Config Admin: the given
 * values by method name (e.g. {@code replay_interval_seconds}), the annotation's defaults for the rest.
 */
public final class ComponentConfig {

    private ComponentConfig() {
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + values;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new IllegalArgumentException(type.getName() + "." + method.getName() + " has no default: give it");
            }
        }));
    }
}
