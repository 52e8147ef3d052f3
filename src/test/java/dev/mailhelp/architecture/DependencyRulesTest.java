package dev.mailhelp.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency rules of docs/architecture.md: only the discord package touches Javacord
 * (it has ceased development upstream and must stay replaceable), and nothing inward imports an
 * adapter. Reads the import lines of the main sources.
 */
class DependencyRulesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/mailhelp");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    record Import(String fromPackage, String file, String target) { }

    private static List<Import> imports() throws IOException {
        List<Import> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(new Import(pkg, f.getFileName().toString(), m.group(1)));
                }
            }
        }
        return out;
    }

    @Test
    void onlyTheDiscordPackageImportsJavacord() throws IOException {
        List<String> offenders = imports().stream()
                .filter(i -> i.target().startsWith("org.javacord") && !i.fromPackage().startsWith("discord"))
                .map(i -> i.fromPackage() + "/" + i.file() + " imports " + i.target()).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void innerPackagesDoNotImportAdapters() throws IOException {
        List<String> inner = List.of("knowledge", "conversation", "diagnosis", "dns", "config");
        List<String> adapters = List.of("dev.mailhelp.discord", "dev.mailhelp.console", "dev.mailhelp.cli");
        List<String> offenders = imports().stream()
                .filter(i -> inner.stream().anyMatch(p -> i.fromPackage().equals(p) || i.fromPackage().startsWith(p + ".")))
                .filter(i -> adapters.stream().anyMatch(a -> i.target().startsWith(a + ".")))
                .map(i -> i.fromPackage() + "/" + i.file() + " imports " + i.target()).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void diagnosisAndDnsDoNotImportTheEngine() throws IOException {
        List<String> offenders = imports().stream()
                .filter(i -> i.fromPackage().startsWith("diagnosis") || i.fromPackage().startsWith("dns"))
                .filter(i -> i.target().startsWith("dev.mailhelp.conversation."))
                .map(i -> i.fromPackage() + "/" + i.file() + " imports " + i.target()).toList();
        assertEquals(List.of(), offenders);
    }

    /** Operations live at the edge: no check, resolver, engine or knowledge code knows it is measured or served. */
    @Test
    void operationsStayAtTheEdge() throws IOException {
        List<String> inner = List.of("knowledge", "conversation", "diagnosis", "dns", "config", "discord", "console");
        List<String> offenders = imports().stream()
                .filter(i -> inner.stream().anyMatch(p -> i.fromPackage().equals(p) || i.fromPackage().startsWith(p + ".")))
                .filter(i -> i.target().startsWith("dev.mailhelp.ops.") || i.target().startsWith("io.micrometer")
                        || i.target().startsWith("com.sun.net.httpserver"))
                .map(i -> i.fromPackage() + "/" + i.file() + " imports " + i.target()).toList();
        assertEquals(List.of(), offenders);
        List<String> opsIntoAdapters = imports().stream()
                .filter(i -> i.fromPackage().equals("ops"))
                .filter(i -> i.target().startsWith("dev.mailhelp.discord.") || i.target().startsWith("dev.mailhelp.cli.")
                        || i.target().startsWith("dev.mailhelp.console.") || i.target().startsWith("org.javacord"))
                .map(i -> "ops/" + i.file() + " imports " + i.target()).toList();
        assertEquals(List.of(), opsIntoAdapters);
    }
}
