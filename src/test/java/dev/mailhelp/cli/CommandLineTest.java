package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        CommandLine cmd = CommandFactory.commandLine(new dev.mailhelp.Wiring(new dev.mailhelp.config.Environment(java.util.Map.of()), cwd));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String sub : new String[] {"console", "discord", "check", "knowledge", "article"}) {
            assertTrue(r.out().contains("  " + sub), sub + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0 all fine, 1 problems found, 2 bad input or usage, 3 a check could not be completed."));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("check").code());
        Run lang = run("console", "--lang", "fr");
        assertEquals(2, lang.code());
        assertTrue(lang.err().contains("--lang fr: not a language mailhelp speaks; use one of en and zh-TW."), lang.err());
    }

    @Test
    void discordWithoutATokenExitsTwoAndPointsToTheTerminal() {
        // The test JVM has no DISCORD_TOKEN (and the build directory no .env).
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISCORD_TOKEN") == null, "a token is set in this environment");
        Run r = run("discord");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DISCORD_TOKEN is not set") && r.err().contains("mailhelp console"), r.err());
    }

    @Test
    void validatingAMissingFolderExitsTwoAndSaysWhy() {
        Run r = run("knowledge", "validate", "target/no-such-knowledge");
        assertEquals(2, r.code());
        assertTrue(r.out().contains("the knowledge folder does not exist"), r.out());
    }

    @Test
    void validatingBrokenBounceRules_reportsEachProblemOnceWithItsPosition(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path dir = tmp.resolve("knowledge");
        copyFolder(java.nio.file.Path.of("knowledge"), dir);
        java.nio.file.Path rules = dir.resolve("bounce-rules.yaml");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(rules));
        int at = lines.indexOf("  - virusdetected:");
        lines.set(at, "  - virusdetectd:");
        java.nio.file.Files.write(rules, lines);
        java.nio.file.Path codes = dir.resolve("bounce-codes.yaml");
        java.util.List<String> codeLines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(codes));
        int onhold = codeLines.indexOf("  onhold: \"901\"");
        codeLines.set(onhold, "  onhld: \"901\"");
        java.nio.file.Files.write(codes, codeLines);
        Run r = run("knowledge", "validate", dir.toString());
        assertEquals(2, r.code(), r.out());
        String rulesProblem = "bounce-rules.yaml:" + (at + 1) + ":5: phrases: unknown reason 'virusdetectd'";
        String codesProblem = "bounce-codes.yaml:" + (onhold + 1) + ":3: pseudoCodes onhld: unknown reason 'onhld'";
        for (String want : new String[] {rulesProblem, codesProblem}) {
            assertEquals(1, r.out().lines().filter(l -> l.startsWith(want)).count(), want + " once in\n" + r.out());
        }
        // Both files' problems in one run, nothing reported without a position.
        assertTrue(r.out().lines().filter(l -> l.startsWith("bounce-")).allMatch(l -> l.matches("bounce-[a-z]+\\.yaml:\\d+:\\d+: .*")), r.out());
    }

    @Test
    void validatingABrokenBlocklistCatalogue_reportsEachProblemOnceWithItsPosition(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path dir = tmp.resolve("knowledge");
        copyFolder(java.nio.file.Path.of("knowledge"), dir);
        java.nio.file.Path lists = dir.resolve("blocklists.yaml");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(lists));
        int zone = lines.indexOf("    zone: zen.spamhaus.org");
        lines.set(zone, "    zone: org");
        int category = lines.indexOf("        category: exploit");
        lines.set(category, "        category: exploits");
        java.nio.file.Files.write(lists, lines);
        Run r = run("knowledge", "validate", dir.toString());
        assertEquals(2, r.code(), r.out());
        String zoneProblem = "blocklists.yaml:" + (zone + 1) + ":5: zone “org” (list spamhaus-zen) is too short";
        String categoryProblem = "blocklists.yaml:" + (category + 1) + ":9: unknown category “exploits”";
        for (String problem : new String[] {zoneProblem, categoryProblem}) {
            assertEquals(1, r.out().lines().filter(l -> l.startsWith(problem)).count(), problem + " once in\n" + r.out());
        }
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("blocklists.yaml")).count(), r.out());
    }

    private static void copyFolder(java.nio.file.Path from, java.nio.file.Path to) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path p : all.toList()) {
                java.nio.file.Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
    }
}
