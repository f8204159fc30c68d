package org.callscore.testing.components;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.callscore.storage.BackgroundTask;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The little of a {@link BundleContext} a component under test uses: services it registers are kept (so a
 * test can read a {@link BackgroundTask}'s status), bundle listeners see no bundles. Anything else fails,
 * naming the method, so that a test never silently relies on a framework it does not have.
 */
public final class TestBundleContext {

    private record Registered(Object service, Dictionary<String, ?> properties) {
    }

    private final List<Registered> services = new CopyOnWriteArrayList<>();
    private final BundleContext context;

    public TestBundleContext() {
        context = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "registerService": {
                            Registered registered = new Registered(args[1], (Dictionary<String, ?>) args[2]);
                            services.add(registered);
                            return registration(registered);
                        }
                        case "addBundleListener":
                        case "removeBundleListener":
                            return null;
                        case "getBundles":
                            return new Bundle[0];
                        case "getBundle":
                            return bundle();
                        case "toString":
                            return "TestBundleContext";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException("TestBundleContext." + method.getName());
                    }
                });
    }

    private ServiceRegistration<?> registration(Registered registered) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        services.remove(registered);
                        return null;
                    }
                    throw new UnsupportedOperationException("ServiceRegistration." + method.getName());
                });
    }

    public BundleContext context() {
        return context;
    }

    /** A bundle with no entries and no wiring: components that look at their bundle's content find nothing to load. */
    private static Bundle bundle() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findEntries", "adapt" -> null;
                    case "getSymbolicName" -> "test.bundle";
                    case "toString" -> "TestBundle";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("Bundle." + method.getName());
                });
    }

    /** @return the background task registered under this name */
    public BackgroundTask task(String name) {
        return services.stream().filter(s -> s.service() instanceof BackgroundTask)
                .filter(s -> name.equals(s.properties().get(BackgroundTask.NAME_PROPERTY)))
                .map(s -> (BackgroundTask) s.service()).findFirst()
                .orElseThrow(() -> new AssertionError("no background task " + name + " registered; registered: "
                        + services.stream().map(s -> String.valueOf(s.properties())).toList()));
    }

    /** @return whether anything is still registered (a deactivated component must leave nothing) */
    public boolean hasServices() {
        return !services.isEmpty();
    }
}
