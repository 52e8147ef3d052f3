package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code knowledge/findings.yaml} and the code in step: every finding code written in the
 * main code has an entry (else a new finding reaches zh-TW users in English only), and every entry
 * is a code the code still writes (else the catalogue fills with dead texts).
 *
 * <p>Codes are found as string literals with a check's prefix, e.g. {@code "spf.missing"}, except
 * the keys of interface texts ({@code knowledge/messages.yaml} and the {@code .properties} bundles
 * under {@code src/main/resources}, such as the Discord button label {@code "check.again"}). The
 * bounce check is left out: it reads the request's locale and writes its findings in it. The
 * domain check writes {@code part + ".could-not-check"} for each of its parts; every part also
 * writes that code as a literal, which {@link #everyDomainPartHasItsCouldNotCheckEntry} holds.
 */
class FindingTextsCoverageTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern CODE_LITERAL = Pattern.compile(
            "\"((?:spf|dmarc|dkim|dkim-sig|arc|message|mx|ptr|mta-sts|tls-rpt|blocklist|smtp|bulk-sender|provider|check|domain|bounce|network|dns)\\.[a-z0-9.-]+)\"");
    // Host names in examples ("smtp.gmail.com") share the prefixes; codes never end in a top-level domain.
    private static final Pattern HOST_NAME = Pattern.compile(".*\\.(com|net|org|example|test|invalid|local)");

    private static Set<String> codesInSource() throws IOException {
        Set<String> textKeys = interfaceTextKeys();
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    // A literal ending in '.' is a prefix a key is built from ("bulk-sender.why." + reason).
                    if (!HOST_NAME.matcher(m.group(1)).matches() && !textKeys.contains(m.group(1)) && !m.group(1).endsWith(".")) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        return codes;
    }

    /** Keys of the interface texts: literals that name a sentence of the user interface, not a finding. */
    private static Set<String> interfaceTextKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Problems problems = new Problems();
        new YamlTreeReader("messages.yaml", problems)
                .read(Files.readString(Path.of("knowledge/messages.yaml"), StandardCharsets.UTF_8))
                .filter(YamlNode.Mapping.class::isInstance)
                .ifPresent(root -> keys.addAll(((YamlNode.Mapping) root).entries().keySet()));
        Path resources = Path.of("src/main/resources");
        if (Files.isDirectory(resources)) {
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                    java.util.Properties bundle = new java.util.Properties();
                    try (var reader = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        bundle.load(reader);
                    }
                    keys.addAll(bundle.stringPropertyNames());
                }
            }
        }
        // Phrases and interface sentences of the catalogues (single texts, no message) are not codes.
        Catalogue catalogue = dev.mailhelp.knowledge.KnowledgeLoader.loadCatalogue(Path.of("knowledge"));
        for (String key : catalogue.keys(Locales.ENGLISH)) {
            if (!catalogue.has(key, Catalogue.MESSAGE)) {
                keys.add(key);
            }
        }
        assertTrue(keys.size() > 10, "no interface texts found; expected knowledge/messages.yaml");
        return keys;
    }

    private static FindingTexts catalogue() {
        // the legacy file may hold comments only now; the loader reads that as no entries
        FindingTexts texts = KnowledgeLoader.loadFindingTexts(Path.of("knowledge"));
        return texts;
    }

    /** The finding codes of the per-language catalogues (entries with a message). */
    static Set<String> newCatalogueCodes() {
        Problems problems = new Problems();
        Map<String, YamlNode> roots = new java.util.LinkedHashMap<>();
        for (String locale : Locales.SUPPORTED) {
            try {
                roots.put(locale, new YamlTreeReader(locale, problems).read(Files.readString(
                        Path.of("knowledge/catalogue/" + locale + ".yaml"), StandardCharsets.UTF_8)).orElseThrow());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Catalogue catalogue = new CatalogueLoader(problems).read(roots);
        assertEquals(List.of(), problems.list().stream().map(Problem::toString).toList());
        Set<String> codes = new TreeSet<>();
        for (String key : catalogue.keys(Locales.ENGLISH)) {
            if (catalogue.has(key, Catalogue.MESSAGE)) {
                codes.add(key);
            }
        }
        return codes;
    }

    @Test
    void everyCodeInTheCodeHasAnEntry() throws IOException {
        Set<String> codes = codesInSource();
        assertTrue(codes.size() > 100, "the scan found only " + codes.size() + " codes; is " + SOURCES + " the main code?");
        Set<String> missing = new TreeSet<>(codes);
        missing.removeAll(catalogue().codes());
        missing.removeAll(newCatalogueCodes());
        assertEquals(Set.of(), missing, "finding codes without an entry in knowledge/catalogue/en.yaml (or the legacy findings.yaml)");
    }

    @Test
    void everyEntryIsACodeTheCodeWrites() throws IOException {
        Set<String> dead = new TreeSet<>(catalogue().codes());
        dead.addAll(newCatalogueCodes());
        dead.removeAll(codesInSource());
        assertEquals(Set.of(), dead, "entries of knowledge/catalogue/en.yaml or findings.yaml that no code writes");
    }

    @Test
    void aConvertedCodeHasNoLegacyEntryLeft() {
        Set<String> both = new TreeSet<>(catalogue().codes());
        both.retainAll(newCatalogueCodes());
        assertEquals(Set.of(), both, "codes in both knowledge/catalogue/ and the legacy findings.yaml; delete the legacy entry");
    }

    @Test
    void everyDomainPartHasItsCouldNotCheckEntry() throws IOException {
        String report = Files.readString(SOURCES.resolve("dev/mailhelp/diagnosis/domain/DomainReport.java"));
        Matcher parts = Pattern.compile("parts\\.put\\(\"([a-z-]+)\"").matcher(report);
        Set<String> seen = new TreeSet<>();
        FindingTexts texts = catalogue();
        Set<String> converted = newCatalogueCodes();
        while (parts.find()) {
            seen.add(parts.group(1));
            String code = parts.group(1) + ".could-not-check";
            assertTrue(texts.get(code).isPresent() || converted.contains(code), code);
        }
        assertTrue(seen.containsAll(Set.of("mx", "spf", "dmarc", "dkim", "ptr")), "parts found: " + seen);
    }
}
