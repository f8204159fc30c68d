package org.callscore.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/architecture.md's "Features" section says what feature.xml holds: the same features, each with the same
 * features and bundles, and the distribution's boot features as its pom lists them. A feature added, removed or
 * changed without the architecture changing fails here.
 */
class FeaturesDocumentedTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path FEATURE_XML = MODULE.resolve("src/main/feature/feature.xml");
    private static final Path DISTRIBUTION_POM = MODULE.resolve("../distribution/pom.xml");
    private static final Path ARCHITECTURE = MODULE.resolve("../../docs/architecture.md");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern MVN_URL = Pattern.compile("mvn:[^/]+/([^/]+)/.*");

    /** A feature's content: the features it installs and its bundles' artifact ids (dependencies included). */
    record Content(Set<String> features, Set<String> bundles) {}

    @Test
    void theFeaturesTableListsEveryFeatureWithItsFeaturesAndBundles() throws Exception {
        Map<String, Content> documented = documentedFeatures();
        Map<String, Content> shipped = shippedFeatures();

        assertThat(documented.keySet()).as("features in docs/architecture.md").containsExactlyElementsOf(shipped.keySet());
        shipped.forEach((name, content) -> {
            assertThat(documented.get(name).features()).as("features installed by " + name)
                    .containsExactlyInAnyOrderElementsOf(content.features());
            assertThat(documented.get(name).bundles()).as("bundles of " + name)
                    .containsExactlyInAnyOrderElementsOf(content.bundles());
        });
    }

    @Test
    void theBootFeaturesAreThoseOfTheDistribution() throws Exception {
        String line = featuresSection().stream().filter(l -> l.startsWith("Boot features"))
                .findFirst().orElseThrow(() -> new AssertionError("no line 'Boot features' in the Features section"));
        assertThat(codeIn(line)).containsExactlyElementsOf(elementTexts(parse(DISTRIBUTION_POM), "bootFeatures"));
    }

    @Test
    void theSectionIsReadAsWritten() throws Exception {
        // the parsing above must see the real table: a header change would otherwise make it read nothing
        assertThat(documentedFeatures()).containsKeys("callscore-core", "callscore-all");
        assertThat(documentedFeatures().get("callscore-core").bundles()).contains("org.callscore.fastagi");
    }

    private static Map<String, Content> shippedFeatures() throws Exception {
        Map<String, Content> features = new LinkedHashMap<>();
        NodeList list = parse(FEATURE_XML).getDocumentElement().getElementsByTagName("feature");
        for (int i = 0; i < list.getLength(); i++) {
            Element feature = (Element) list.item(i);
            if (!feature.hasAttribute("name")) {
                continue; // a <feature> inside a feature: what it installs
            }
            Set<String> installs = new LinkedHashSet<>();
            Set<String> bundles = new LinkedHashSet<>();
            for (Element child : descendants(feature)) {
                switch (child.getTagName()) {
                    case "feature" -> installs.add(child.getTextContent().trim());
                    case "bundle" -> {
                        Matcher url = MVN_URL.matcher(child.getTextContent().trim());
                        assertThat(url.matches()).as(child.getTextContent()).isTrue();
                        bundles.add(url.group(1));
                    }
                    default -> { }
                }
            }
            features.put(feature.getAttribute("name"), new Content(installs, bundles));
        }
        return features;
    }

    /** The rows of the section's table: | `feature` | `features`... | `bundles`... | what |. */
    private static Map<String, Content> documentedFeatures() throws Exception {
        Map<String, Content> features = new LinkedHashMap<>();
        for (String line : featuresSection()) {
            String[] cells = line.split("\\|", -1);
            if (!line.startsWith("| `") || cells.length < 5) {
                continue;
            }
            List<String> name = codeIn(cells[1]);
            assertThat(name).as("first cell of " + line).hasSize(1);
            features.put(name.get(0), new Content(new LinkedHashSet<>(codeIn(cells[2])),
                    new LinkedHashSet<>(codeIn(cells[3]))));
        }
        return features;
    }

    private static List<String> featuresSection() throws Exception {
        List<String> lines = Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Features");
        assertThat(start).as("a section '## Features' in docs/architecture.md").isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    private static List<String> codeIn(String text) {
        List<String> code = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            code.add(m.group(1));
        }
        return code;
    }

    private static List<Element> descendants(Element parent) {
        List<Element> all = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                all.add(e);
                if (!e.getTagName().equals("feature") && !e.getTagName().equals("bundle")) {
                    all.addAll(descendants(e)); // <conditional>: its bundles are the feature's
                }
            }
        }
        return all;
    }

    private static List<String> elementTexts(Document pom, String parentTag) {
        List<String> texts = new ArrayList<>();
        NodeList parents = pom.getElementsByTagName(parentTag);
        assertThat(parents.getLength()).as("<" + parentTag + "> in " + DISTRIBUTION_POM).isEqualTo(1);
        for (Element e : descendants((Element) parents.item(0))) {
            texts.add(e.getTextContent().trim());
        }
        return texts;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
