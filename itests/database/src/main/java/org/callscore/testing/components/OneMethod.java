package org.callscore.testing.components;

import java.lang.reflect.Proxy;
import java.util.function.Function;

/** A stand-in for a service of which the code under test may call one method only: any other call fails the test. */
public final class OneMethod {

    private OneMethod() {
    }

    /** @param answer what {@code method} returns (or throws) for its arguments */
    public static <S> S of(Class<S> type, String method, Function<Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (!called.getName().equals(method)) {
                throw new AssertionError("unexpected call " + called.getName());
            }
            return answer.apply(args);
        }));
    }
}
