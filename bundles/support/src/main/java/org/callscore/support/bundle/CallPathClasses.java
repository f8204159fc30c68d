package org.callscore.support.bundle;

import java.net.URL;
import java.util.Enumeration;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every class of a bundle when its call-serving component starts. A call in flight while the bundle is
 * updated or refreshed keeps running on the old class loader, which can load no class any more ("the bundle wiring
 * is no longer valid"): a class first needed at the end of the call (a failure path, an outage's journal) would end
 * the call with NoClassDefFoundError and lose what the caller keyed. Classes loaded once stay usable.
 */
public final class CallPathClasses {

    private static final Logger LOG = LoggerFactory.getLogger(CallPathClasses.class);

    private CallPathClasses() {
    }

    /** @return how many classes of the bundle are now loaded (not initialised: no static code runs early) */
    public static int load(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries("/", "*.class", true);
        int loaded = 0;
        while (entries != null && entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            String name = path.substring(path.startsWith("/") ? 1 : 0, path.length() - ".class".length())
                    .replace('/', '.');
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            try {
                bundle.loadClass(name);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class needing an optional import that is absent (console commands without the shell)
                LOG.debug("{}: {} not loaded ahead ({})", bundle.getSymbolicName(), name, e.toString());
            }
        }
        return loaded;
    }
}
