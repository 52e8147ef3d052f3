package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.texts.ConversationWalk;
import dev.mailhelp.texts.EnglishScanner;
import dev.mailhelp.texts.ServiceNames;
import dev.mailhelp.texts.TranscriptScan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue #13's done-when for the command line: every command and subcommand, run in process with
 * {@code --lang zh-TW} through its success path and its main error paths (bad arguments, a missing
 * file, input that cannot be read, a DNS server that cannot be reached at 127.0.0.1:1, an invalid
 * knowledge folder), writes no English sentence on stdout or stderr. What is shown as seen stays
 * as it is and is not scanned: evidence (the "所見：" lines and the JSON {@code evidence}), names of
 * lists and services, text quoted as a screen shows it (「…」, `…`), host names, records and protocol
 * keywords ({@link EnglishScanner}). A command of the tree that no run reaches fails the test.
 */
class EveryCommandInChineseTest {

    private static TestDnsServer dns;
    private static int closedPort;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws IOException {
        dns = TestDnsServer.startWithTestZones();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    record Run(List<String> args, int code, String out, String err) {
    }

    /** One run as {@code Main} runs it, with {@code stdin} as standard input and the test DNS server as the resolver. */
    private static Run run(String stdin, Map<String, String> moreEnv, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("MAILHELP_DNS", dns.hostPort()));
        env.putAll(moreEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cmd = CommandFactory.commandLine(new Wiring(new Environment(env), Path.of("").toAbsolutePath()));
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--lang", "zh-TW"));
            int code = cmd.execute(all.toArray(String[]::new));
            return new Run(List.of(args), code, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    private static Run run(String... args) {
        return run("", Map.of(), args);
    }

    /** A copy of the knowledge folder with one file changed. */
    private static Path brokenKnowledge(String name, String file, java.util.function.UnaryOperator<String> change) throws IOException {
        Path dir = tmp.resolve(name);
        Path source = Path.of("knowledge");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path changed = dir.resolve(file);
        Files.writeString(changed, change.apply(Files.readString(changed)));
        return dir;
    }

    private static String resource(String path) {
        return Path.of("src/test/resources", path).toString();
    }

    static List<Run> allRuns() throws IOException {
        String d = dns.hostPort();
        String down = "127.0.0.1:1";
        Path empty = Files.writeString(tmp.resolve("empty.eml"), "");
        Path binary = Files.write(tmp.resolve("binary.eml"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 0, 7, 8, 9});
        Path text = Files.writeString(tmp.resolve("note.txt"), "Hello, just a note about lunch tomorrow.\n");
        Path folder = Files.createDirectories(tmp.resolve("a-folder"));
        Path emptyKnowledge = Files.createDirectories(tmp.resolve("empty-knowledge"));
        Path badTree = brokenKnowledge("bad-tree", "tree.yaml", t -> t.replaceFirst("start: *\\S+", "start: nowhere")
                .replaceFirst("\n  ([a-z0-9-]+):\n", "\n  $1:\n    colour: blue\n"));
        Path badProviders = brokenKnowledge("bad-providers", "providers.yaml",
                t -> t.replaceFirst("checked: *\\S+", "checked: yesterday").replaceFirst("source: *\\S+", "source: \"\""));
        Path badCatalogue = brokenKnowledge("bad-catalogue", "catalogue/zh-TW.yaml",
                t -> t.replaceFirst("(?m)^dns\\.could-not-look-up:.*\n", "") + "\nextra.key: \"{x} 多餘\"\n");
        Path badLists = brokenKnowledge("bad-lists", "blocklists.yaml", t -> t.replaceFirst("zone: *\\S+", "zone: \"\""));
        Path badBounceRules = brokenKnowledge("bad-rules", "bounce-rules.yaml", t -> t + "\nfoo: [\n");
        String bounce = resource("bounces/postfix-dsn.eml");
        String message = resource("message/rfc8463-a3.eml");
        List<Run> runs = new ArrayList<>();
        // the command itself and its groups
        runs.add(run());
        runs.add(run("check"));
        runs.add(run("knowledge"));
        runs.add(run("help"));
        runs.add(run("help", "spf"));
        runs.add(run("frobnicate"));
        // check domain: a good and a weak domain, JSON, a name that does not exist, DNS down, bad input
        runs.add(run("check", "domain", "good.test", "--dns", d));
        runs.add(run("check", "domain", "weak.test", "--dns", d, "--selector", "s1", "--ip", "192.0.2.12"));
        runs.add(run("check", "domain", "weak.test", "--dns", d, "--json"));
        runs.add(run("check", "domain", "nosuch.test", "--dns", d));
        runs.add(run("check", "domain", "good.test", "--dns", down));
        runs.add(run("check", "domain", "good.test", "--dns", down, "--json"));
        runs.add(run("check", "domain", "good.test", "--dns", down, "--probe-smtp"));
        runs.add(run("check", "domain", "nodot"));
        runs.add(run("check", "domain"));
        // check ip: clean, listed, JSON, DNS down, bad input
        // (the test addresses are documentation addresses, checked as the owner of a private network would)
        Map<String, String> anyAddress = Map.of("MAILHELP_ALLOW_PRIVATE", "true");
        runs.add(run("", anyAddress, "check", "ip", "192.0.2.1", "--dns", d));
        runs.add(run("", anyAddress, "check", "ip", "192.0.2.12", "--dns", d));
        runs.add(run("", anyAddress, "check", "ip", "192.0.2.12", "--dns", d, "--json"));
        runs.add(run("", anyAddress, "check", "ip", "192.0.2.1", "--dns", down));
        runs.add(run("check", "ip", "192.0.2.1", "--dns", d));
        runs.add(run("check", "ip", "192.0.2.1", "--dns", d, "--list", "no-such-list"));
        runs.add(run("check", "ip", "999.1.2.3"));
        // check smtp: nothing listening, a private address, a name DNS cannot answer, bad input
        runs.add(run("check", "smtp", "127.0.0.1:2525", "--allow-private"));
        runs.add(run("check", "smtp", "127.0.0.1:2525", "--allow-private", "--json"));
        runs.add(run("check", "smtp", "127.0.0.1:" + closedPort, "--allow-private"));
        runs.add(run("check", "smtp", "10.0.0.1:587"));
        runs.add(run("check", "smtp", "smtp.good.test:587", "--dns", down));
        runs.add(run("check", "smtp", "smtp.good.test:99999"));
        // spf: pass, fail (default explanation), none, permerror, temperror (DNS down), batch, bad input
        runs.add(run("spf", "--ip", "192.0.2.1", "--sender", "a@client.mailhelp.test", "--dns", d));
        runs.add(run("spf", "--ip", "203.0.113.9", "--sender", "a@client.mailhelp.test", "--dns", d));
        runs.add(run("spf", "--ip", "203.0.113.9", "--sender", "a@good.test", "--dns", d));
        runs.add(run("spf", "--ip", "203.0.113.9", "--sender", "a@nodmarc.test", "--dns", d));
        runs.add(run("spf", "--ip", "203.0.113.9", "--sender", "a@nosuch.good.test", "--dns", d));
        runs.add(run("spf", "--ip", "203.0.113.9", "--sender", "a@dkim.test", "--dns", d));
        runs.add(run("spf", "--ip", "192.0.2.1", "--sender", "a@b.test", "--dns", down, "--timeout", "3"));
        runs.add(run("192.0.2.1\thelo.test\ta@client.mailhelp.test\nnonsense\n", Map.of(), "spf", "--batch", "--dns", d));
        runs.add(run("spf", "--ip", "nonsense", "--sender", "a@good.test"));
        runs.add(run("spf"));
        // bounce: a file, JSON, standard input, a missing file, a folder, empty and binary input, no argument
        runs.add(run("bounce", bounce));
        runs.add(run("bounce", bounce, "--json"));
        runs.add(run(readString(bounce), Map.of(), "bounce", "-"));
        runs.add(run("bounce", tmp.resolve("no-such.eml").toString()));
        runs.add(run("bounce", folder.toString()));
        runs.add(run("bounce", empty.toString()));
        runs.add(run("bounce", binary.toString()));
        runs.add(run("bounce", text.toString()));
        runs.add(run("bounce", text.toString(), "--json"));
        runs.add(run("bounce"));
        // message: a signed message, JSON, DNS down, a missing file, empty and binary input
        runs.add(run("message", message, "--dns", d));
        runs.add(run("message", message, "--dns", d, "--json"));
        runs.add(run("message", message, "--dns", down));
        runs.add(run("message", tmp.resolve("no-such.eml").toString()));
        runs.add(run("message", empty.toString()));
        runs.add(run("message", binary.toString()));
        runs.add(run("message", text.toString(), "--dns", d));
        runs.add(run("message", message, "--client-ip", "nonsense"));
        // knowledge validate: the shipped folder, missing, empty, and folders with each kind of defect
        runs.add(run("knowledge", "validate"));
        runs.add(run("knowledge", "validate", tmp.resolve("no-such-folder").toString()));
        runs.add(run("knowledge", "validate", emptyKnowledge.toString()));
        runs.add(run("knowledge", "validate", empty.toString()));
        runs.add(run("knowledge", "validate", badTree.toString()));
        runs.add(run("knowledge", "validate", badProviders.toString()));
        runs.add(run("knowledge", "validate", badCatalogue.toString()));
        runs.add(run("knowledge", "validate", badLists.toString()));
        runs.add(run("knowledge", "validate", badBounceRules.toString()));
        // article: the list, one article, an unknown one
        runs.add(run("article"));
        runs.add(run("article", "spf"));
        runs.add(run("article", "no-such-article"));
        // console: a short conversation, an unknown answer, end of input; an invalid knowledge folder
        runs.add(run("1\n1\nx\n\n", Map.of(), "console"));
        runs.add(run("", Map.of(), "console", "--knowledge", badTree.toString()));
        runs.add(run("", Map.of(), "console", "--dns", down));
        // discord: no token, a bad setting, an invalid knowledge folder
        runs.add(run("discord"));
        runs.add(run("", Map.of("DISCORD_TOKEN", "x", "MAILHELP_HTTP_PORT", "http"), "discord"));
        runs.add(run("", Map.of("DISCORD_TOKEN", "x"), "discord", "--knowledge", badTree.toString()));
        return runs;
    }

    private static String readString(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.ISO_8859_1);
    }

    /** The English sentences of one run's output, without what is shown as seen. */
    static List<String> englishIn(Run r) throws IOException {
        String text = readable(r);
        List<String> found = new ArrayList<>(EnglishScanner.englishRuns(ConversationWalk.withoutQuotedScreenText(withoutNames(text))));
        if (text.contains("Exception") || text.contains("\tat ")) {
            found.add("a Java name or stack trace: " + text);
        }
        return found;
    }

    /** What a reader of a run reads: the output without evidence, or the JSON's sentences. */
    private static String readable(Run r) throws IOException {
        String trimmed = r.out().strip();
        if (trimmed.startsWith("{")) {
            StringBuilder words = new StringBuilder();
            collectWords(new ObjectMapper().readTree(trimmed), words);
            return words + "\n" + r.err();
        }
        return withoutEvidence(r.out() + "\n" + r.err());
    }

    /** Every string of a JSON document a reader is meant to read: not codes, values, or evidence. */
    private static void collectWords(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        } else if (node.isArray()) {
            node.forEach(n -> collectWords(n, out));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!Set.of("evidence", "code", "values", "raw", "headers", "text", "diagnostic").contains(e.getKey())) {
                    collectWords(e.getValue(), out);
                }
            }
        }
    }

    /** Evidence is what was seen: the "所見：" line and the indented lines that continue it. */
    private static String withoutEvidence(String text) {
        List<String> kept = new ArrayList<>();
        boolean inEvidence = false;
        int indent = 0;
        for (String line : text.split("\n", -1)) {
            int at = line.indexOf("所見：");
            if (at >= 0) {
                inEvidence = true;
                indent = at;
                continue;
            }
            if (inEvidence && line.length() > indent && line.substring(0, indent + 1).isBlank()) {
                continue;
            }
            inEvidence = false;
            kept.add(line);
        }
        return String.join("\n", kept);
    }

    private static String withoutNames(String text) {
        String out = ServiceNames.strip(text);
        for (String name : TranscriptScan.PRODUCT_NAMES) {
            out = out.replace(name, "");
        }
        return out;
    }

    /**
     * Runs (a pattern of their arguments) whose output is still partly English, with why. This
     * list only shrinks: a run on it without English fails until its entry is removed.
     */
    static final Map<String, String> STILL_ENGLISH = Map.of();

    private static boolean stillEnglish(Run r) {
        String line = String.join(" ", r.args());
        return STILL_ENGLISH.keySet().stream().anyMatch(line::matches);
    }

    @Test
    void everyCommandSpeaksTraditionalChinese_throughSuccessAndErrors() throws IOException {
        List<Run> runs = allRuns();
        Map<String, List<String>> english = new LinkedHashMap<>();
        StringBuilder transcript = new StringBuilder();
        for (Run r : runs) {
            transcript.append("$ mailhelp ").append(String.join(" ", r.args())).append(" --lang zh-TW   (exit ")
                    .append(r.code()).append(")\n").append(r.out()).append(r.err()).append('\n');
            List<String> found = englishIn(r);
            if (stillEnglish(r)) {
                if (found.isEmpty()) {
                    english.put("mailhelp " + String.join(" ", r.args()), List.of("converted now: remove it from STILL_ENGLISH"));
                }
                continue;
            }
            if (!found.isEmpty()) {
                english.put("mailhelp " + String.join(" ", r.args()) + " (exit " + r.code() + ")", found);
            }
        }
        // the whole transcript, for a reader checking the wording by eye
        Files.writeString(Path.of("target", "every-command-zh-TW.txt"), transcript);
        StringBuilder report = new StringBuilder();
        english.forEach((run, found) -> report.append(run).append('\n').append("    ").append(String.join("\n    ", found)).append('\n'));
        assertEquals("", report.toString(), "English in zh-TW runs");
        // every command of the tree was run
        Set<String> ran = new TreeSet<>();
        runs.forEach(r -> ran.add(commandPath(r.args())));
        Set<String> missing = new TreeSet<>(CliLanguageTest.commands().toList());
        missing.removeAll(ran);
        assertEquals(Set.of(), missing, "commands no run reached");
    }

    /** The command path of a run's arguments ("check domain" of "check domain x --dns y"). */
    private static String commandPath(List<String> args) {
        CommandLine cmd = CommandFactory.commandLine(new Wiring(new Environment(Map.of()), Path.of("").toAbsolutePath()));
        List<String> path = new ArrayList<>();
        for (String a : args) {
            CommandLine sub = cmd.getSubcommands().get(a);
            if (sub == null) {
                break;
            }
            path.add(a);
            cmd = sub;
        }
        return String.join(" ", path);
    }
}
