package org.callscore.support.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class CallPathClassesTest {

    /** A bundle whose entries are the given class files, loading through a recording class loader. */
    private static Bundle bundle(List<String> entries, List<String> loaded) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findEntries" -> {
                        List<URL> urls = new ArrayList<>();
                        for (String entry : entries) {
                            urls.add(new URL("file:" + entry));
                        }
                        yield Collections.enumeration(urls);
                    }
                    case "loadClass" -> {
                        String name = (String) args[0];
                        if (name.endsWith("NeedsAbsentImport")) {
                            throw new NoClassDefFoundError("org/apache/karaf/shell/api/action/Action");
                        }
                        loaded.add(name);
                        yield Class.forName(name, false, CallPathClassesTest.class.getClassLoader());
                    }
                    case "getSymbolicName" -> "test.bundle";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void everyClassOfTheBundleIsLoadedAndOneThatCannotBeIsSkipped() {
        List<String> loaded = new ArrayList<>();
        int count = CallPathClasses.load(bundle(List.of("/org/callscore/support/bundle/CallPathClasses.class",
                "/org/callscore/support/text/LogText.class", "/org/callscore/support/package-info.class",
                "/org/callscore/shell/NeedsAbsentImport.class"), loaded));

        assertThat(loaded).containsExactly("org.callscore.support.bundle.CallPathClasses",
                "org.callscore.support.text.LogText");
        assertThat(count).isEqualTo(2);
    }

    @Test
    void aBundleWithNoClassesLoadsNothing() {
        assertThat(CallPathClasses.load(bundle(List.of(), new ArrayList<>()))).isZero();
    }
}
