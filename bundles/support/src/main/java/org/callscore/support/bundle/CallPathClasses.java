package org.callscore.support.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every class of a bundle, and every class they name, when its call-serving component starts. A call in
 * flight while the bundle (or one it imports from) is updated or refreshed keeps running on the old class loader,
 * which can then load no class any more: its own are gone ("the bundle wiring is no longer valid"), and an imported
 * one from a refreshed bundle makes Felix fail with a NullPointerException in {@code searchImports}. A class first
 * needed mid-call (a failure path, an outage's journal, a record of the module's API) would end the call and lose
 * what the caller keyed. A class the JVM has once resolved through a loader it takes from that loader's own record
 * afterwards, never asking the loader again: {@code Class.forName(name, false, loader)} makes that record, for the
 * bundle's own classes and imported ones alike.
 */
public final class CallPathClasses {

    private static final Logger LOG = LoggerFactory.getLogger(CallPathClasses.class);

    private CallPathClasses() {
    }

    /**
     * @return how many classes the bundle's class loader now has loaded: its own and the ones they name (not
     *         initialised: no static code runs early); 0 for a bundle not resolved
     */
    public static int load(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) {
            return 0;
        }
        Set<String> own = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        Enumeration<URL> entries = bundle.findEntries("/", "*.class", true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            String name = path.substring(path.startsWith("/") ? 1 : 0, path.length() - ".class".length())
                    .replace('/', '.');
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            own.add(name);
            try (InputStream in = entry.openStream()) {
                named.addAll(ClassReferences.of(in.readAllBytes()));
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: the classes {} names not read ({})", bundle.getSymbolicName(), name, e.toString());
            }
        }
        named.removeAll(own);
        int loaded = 0;
        for (Set<String> names : List.of(own, named)) {
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class needing an optional import that is absent (console commands without the shell)
                    LOG.debug("{}: {} not loaded ahead ({})", bundle.getSymbolicName(), name, e.toString());
                }
            }
        }
        return loaded;
    }
}
