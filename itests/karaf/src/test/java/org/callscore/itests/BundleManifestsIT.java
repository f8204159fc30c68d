package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The manifests of the bundles the distribution ships (its {@code system/} folder, as built): the contract
 * packages hold contracts only, no bundle imports or exports a support-library package (each embeds what it
 * uses), and the FastAGI server's import of the application contract spans a whole major version, so that a
 * changed helper never makes a new server necessary. No Karaf is started.
 */
public class BundleManifestsIT {

    /** Every type of the AGI application contract; helpers live in the support library. */
    private static final Set<String> AGI_CONTRACT = Set.of("AgiApplication");
    private static final Set<String> AGI_SERVER_CONTRACT = Set.of("FastAgiServer");
    /** Every type of the storage contract: services, their records and the schema marker. */
    private static final Set<String> STORAGE_CONTRACT = Set.of("BackgroundTask", "Database", "DatabaseStatus",
            "ModuleSchema", "SchemaStatus", "TaskStatus");

    private static Path unpacked;
    private static Map<String, Path> bundles;

    @BeforeClass
    public static void unpackTheDistribution() throws Exception {
        Path distribution = Path.of(System.getProperty("callscore.distribution"));
        unpacked = Files.createTempDirectory("callscore-manifests");
        Process tar = new ProcessBuilder("tar", "-xzf", distribution.toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertEquals("tar -xzf " + distribution, 0, tar.waitFor());
        bundles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(unpacked)) {
            files.filter(file -> file.toString().contains("/system/org/callscore/"))
                    .filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .forEach(file -> bundles.put(symbolicName(file), file));
        }
        assertTrue("the distribution ships CallScore's bundles: " + bundles.keySet(),
                bundles.keySet().containsAll(List.of("org.callscore.agi.api", "org.callscore.storage",
                        "org.callscore.fastagi", "org.callscore.survey", "org.callscore.ivr")));
    }

    @AfterClass
    public static void removeTheCopy() throws IOException {
        if (unpacked != null) {
            try (Stream<Path> files = Files.walk(unpacked)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    public void theAgiApiExportsOnlyTheApplicationAndServerContracts() throws IOException {
        Path jar = bundles.get("org.callscore.agi.api");
        assertEquals(Set.of("org.callscore.agi", "org.callscore.agi.server"), packages(header(jar, "Export-Package")).keySet());
        assertEquals(AGI_CONTRACT, types(jar, "org/callscore/agi/"));
        assertEquals(AGI_SERVER_CONTRACT, types(jar, "org/callscore/agi/server/"));
    }

    @Test
    public void theStorageExportsOnlyItsContract() throws IOException {
        Path jar = bundles.get("org.callscore.storage");
        // org.callscore.site: the one site time zone, a service every module reads
        assertEquals(Set.of("org.callscore.storage", "org.callscore.site"),
                packages(header(jar, "Export-Package")).keySet());
        assertEquals(STORAGE_CONTRACT, types(jar, "org/callscore/storage/"));
        assertEquals(Set.of("SiteZone"), types(jar, "org/callscore/site/"));
        // a contract is a service, a record, an enum or an annotation: a class would be a helper
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String type : STORAGE_CONTRACT) {
                Class<?> exported = Class.forName("org.callscore.storage." + type, false, loader);
                assertTrue(exported + " is a service, record, enum or annotation",
                        exported.isInterface() || exported.isRecord() || exported.isEnum());
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the storage bundle holds its contract types", e);
        }
    }

    @Test
    public void noBundleImportsOrExportsTheSupportLibrary() throws IOException {
        for (Map.Entry<String, Path> bundle : bundles.entrySet()) {
            assertFalse("the support library is embedded, never installed: " + bundle.getValue(),
                    bundle.getKey().contains("support"));
            for (String header : List.of("Import-Package", "Export-Package", "DynamicImport-Package",
                    "Require-Bundle")) {
                String value = header(bundle.getValue(), header);
                assertFalse(bundle.getKey() + " " + header + ": " + value,
                        value != null && value.contains("org.callscore.support"));
            }
        }
        assertTrue("the survey bundle embeds the helpers it uses",
                header(bundles.get("org.callscore.survey"), "Private-Package").contains("org.callscore.support."));
    }

    @Test
    public void theServerImportsTheApplicationContractWithinAMajorVersion() throws IOException {
        Map<String, String> exported = packages(header(bundles.get("org.callscore.agi.api"), "Export-Package"));
        Map<String, String> imported = packages(header(bundles.get("org.callscore.fastagi"), "Import-Package"));
        int[] contract = version(exported.get("org.callscore.agi"));
        // the server only reads the application contract (a constant inlined at compile time may leave no import)
        String applications = imported.get("org.callscore.agi");
        if (applications != null) {
            assertEquals("[" + contract[0] + "." + contract[1] + "," + (contract[0] + 1) + ")", applications);
        }
        // it provides the FastAgiServer service, so it imports that package within a minor version
        int[] server = version(exported.get("org.callscore.agi.server"));
        assertEquals("[" + server[0] + "." + server[1] + "," + server[0] + "." + (server[1] + 1) + ")",
                imported.get("org.callscore.agi.server"));
    }

    private static String symbolicName(Path jar) {
        try {
            String name = header(jar, "Bundle-SymbolicName");
            assertNotNull("every jar CallScore ships is a bundle: " + jar, name);
            return name.split(";")[0].trim();
        } catch (IOException e) {
            throw new IllegalStateException(jar.toString(), e);
        }
    }

    private static String header(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            return main.getValue(name);
        }
    }

    /** @return the top-level types (no nested ones, no package-info) directly in {@code folder} */
    private static Set<String> types(Path jar, String folder) throws IOException {
        Set<String> types = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(folder) && entry.endsWith(".class") && entry.indexOf('/', folder.length()) < 0) {
                    String type = entry.substring(folder.length(), entry.length() - ".class".length());
                    if (!type.contains("$") && !type.equals("package-info")) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }

    private static final Pattern VERSION = Pattern.compile(";\\s*version\\s*=\\s*\"?([^\";]*)\"?");

    /** @return per package of an Import-Package or Export-Package header, its version attribute ("" if none) */
    static Map<String, String> packages(String header) {
        Map<String, String> packages = new LinkedHashMap<>();
        if (header == null) {
            return packages;
        }
        for (String clause : clauses(header)) {
            Matcher version = VERSION.matcher(clause);
            String attributes = version.find() ? version.group(1) : "";
            for (String name : clause.split(";")) {
                if (!name.contains("=")) {
                    packages.put(name.trim(), attributes);
                }
            }
        }
        return packages;
    }

    /** Splits a manifest header at the commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString());
        return clauses;
    }

    /** @return major and minor of a version such as {@code 2.0.0} */
    private static int[] version(String version) {
        assertNotNull("an exported package has a version", version);
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
    }
}
