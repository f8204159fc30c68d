package org.callscore.support.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.callscore.support.bundle.fixture.SurveyEnd;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

class CallPathClassesTest {

    private static final ClassLoader TEST_CLASSES = CallPathClassesTest.class.getClassLoader();

    /**
     * A bundle's class loader as Felix's behaves: defines the bundle's own classes, delegates the imported ones,
     * and once its wiring is disposed (the bundle refreshed) fails on every class it is asked for.
     */
    private static final class BundleLoader extends ClassLoader {

        private final Set<String> own;
        private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean disposed;

        BundleLoader(Set<String> own) {
            super(null);
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (disposed) {
                throw new NullPointerException("the wiring of " + name + "'s provider is gone");
            }
            if (name.endsWith("NeedsAbsentImport")) {
                throw new NoClassDefFoundError("org/apache/karaf/shell/api/action/Action");
            }
            asked.add(name);
            if (!own.contains(name)) {
                return TEST_CLASSES.loadClass(name);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = TEST_CLASSES.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Entries as Felix gives them (the path inside the bundle), read from the test classes. */
    private static final URLStreamHandler BUNDLE_ENTRIES = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL entry) throws IOException {
            URL real = TEST_CLASSES.getResource(entry.getPath().substring(1));
            if (real == null) {
                throw new FileNotFoundException(entry.getPath());
            }
            return real.openConnection();
        }
    };

    /** A resolved bundle with the given class files, its class loader {@code loader}. */
    private static Bundle bundle(List<String> entries, ClassLoader loader) {
        BundleWiring wiring = (BundleWiring) Proxy.newProxyInstance(BundleWiring.class.getClassLoader(),
                new Class<?>[] {BundleWiring.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClassLoader" -> loader;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findEntries" -> {
                        List<URL> urls = new ArrayList<>();
                        for (String entry : entries) {
                            urls.add(new URL("bundle", "1.0", -1, entry, BUNDLE_ENTRIES));
                        }
                        yield Collections.enumeration(urls);
                    }
                    case "adapt" -> args[0] == BundleWiring.class ? wiring : null;
                    case "getSymbolicName" -> "test.bundle";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void everyClassOfTheBundleAndEveryClassTheyNameIsLoadedAndOneThatCannotBeIsSkipped() {
        BundleLoader loader = new BundleLoader(Set.of("org.callscore.support.bundle.CallPathClasses",
                "org.callscore.support.text.LogText"));
        int count = CallPathClasses.load(bundle(List.of("/org/callscore/support/bundle/CallPathClasses.class",
                "/org/callscore/support/text/LogText.class", "/org/callscore/support/package-info.class",
                "/org/callscore/shell/NeedsAbsentImport.class"), loader));

        assertThat(loader.asked).contains("org.callscore.support.bundle.CallPathClasses",
                "org.callscore.support.text.LogText", // the bundle's own
"org.callscore.support.bundle.ClassReferences", // a call
                "org.osgi.framework.wiring.BundleWiring", // a cast
                "org.slf4j.Logger", // a field's type
                "java.lang.LinkageError") // only caught
                .doesNotContain("org.callscore.support.package-info", "org.callscore.shell.NeedsAbsentImport");
        assertThat(count).isEqualTo(new java.util.HashSet<>(loader.asked).size());
    }

    @Test
    void aCallEndsOnItsOldClassesAfterTheBundleIsRefreshed() throws Exception {
        BundleLoader loader = new BundleLoader(Set.of(SurveyEnd.class.getName()));
        CallPathClasses.load(bundle(List.of("/org/callscore/support/bundle/fixture/SurveyEnd.class"), loader));
        @SuppressWarnings("unchecked")
        Supplier<String> end = (Supplier<String>) Class.forName(SurveyEnd.class.getName(), false, loader)
                .getConstructor().newInstance();
        assertThat(end.getClass().getClassLoader()).isSameAs(loader);

        loader.disposed = true; // the refresh, while the call is in flight
        assertThat(end.get()).isEqualTo("ImportedRecord[text=stored after an outage]");
    }

    @Test
    void aBundleWithNoClassesLoadsNothing() {
        assertThat(CallPathClasses.load(bundle(List.of(), new BundleLoader(Set.of())))).isZero();
    }

    @Test
    void aBundleNotResolvedLoadsNothing() {
        assertThat(CallPathClasses.load(bundle(List.of("/org/callscore/support/text/LogText.class"), null)))
                .isZero();
    }
}
