package dev.mailhelp.fuzz;

import dev.mailhelp.config.DurationText;
import dev.mailhelp.conversation.InputValidator;
import dev.mailhelp.diagnosis.bounce.BounceCheck;
import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceReport;
import dev.mailhelp.diagnosis.bounce.BounceRules;
import dev.mailhelp.diagnosis.bounce.BounceRulesException;
import dev.mailhelp.diagnosis.bounce.UnreadableBounceException;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.blocklist.CatalogueException;
import dev.mailhelp.diagnosis.dkim.DkimKeyRecord;
import dev.mailhelp.diagnosis.dkim.DkimKeyRecordParser;
import dev.mailhelp.diagnosis.dkim.DkimSelector;
import dev.mailhelp.diagnosis.dmarc.DmarcRecord;
import dev.mailhelp.diagnosis.dmarc.DmarcRecordParser;
import dev.mailhelp.diagnosis.domain.DomainName;
import dev.mailhelp.diagnosis.mtasts.MtaStsPolicy;
import dev.mailhelp.diagnosis.mtasts.StsTxtRecord;
import dev.mailhelp.diagnosis.smtp.SmtpTarget;
import dev.mailhelp.diagnosis.spf.MacroString;
import dev.mailhelp.diagnosis.spf.MacroValues;
import dev.mailhelp.diagnosis.spf.SpfRecord;
import dev.mailhelp.diagnosis.spf.SpfSyntaxException;
import dev.mailhelp.discord.CustomId;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.Parsed;
import dev.mailhelp.knowledge.InputKind;
import dev.mailhelp.knowledge.Problems;
import dev.mailhelp.knowledge.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fuzz targets: every parser of outside input, each with seeds from the test data and the
 * invariants it must keep. "Refused" means the parser's documented way of saying no (its checked
 * exception or IllegalArgumentException) with a message fit for a person: not blank, not a Java
 * class name, not a raw stack of parser jargon.
 */
public final class FuzzTargets {

    private static final Path SHARED = Path.of(System.getProperty("mailhelp.shared", "../shared"), "data");
    private static final Path ZONES = Path.of("src/test/resources/zones");
    private static final Path KNOWLEDGE = Path.of("knowledge");

    private FuzzTargets() {
    }

    public static List<FuzzTarget> all() throws IOException {
        List<FuzzTarget> out = new ArrayList<>();
        out.add(spfRecord());
        out.add(spfMacro());
        out.add(dmarc());
        out.add(dkim());
        out.add(mtaSts());
        out.add(inputParser());
        out.add(domainName());
        out.add(smtpTarget());
        out.add(ipAddress());
        out.add(dkimSelector());
        out.add(dnsServer());
        out.add(duration());
        out.add(customId());
        out.add(modalValue());
        out.add(knowledgeYaml());
        out.add(blocklistCatalogue());
        out.add(bounce());
        out.add(message());
        return out;
    }

    // ---- seeds ----

    private static List<String> matching(Path file, Pattern p, int group) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Matcher m = p.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private static List<String> zoneTexts(String marker) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ZONES)) {
            for (Path f : files.toList()) {
                for (String q : matching(f, Pattern.compile("\"([^\"]*" + Pattern.quote(marker) + "[^\"]*)\""), 1)) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    private static void refusedWell(Exception e, String input) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("refusal without a message for " + FuzzRun.shown(input), e);
        }
        if (m.matches("(?s).*\\b(java|javax|com|org)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*")) {
            throw new AssertionError("refusal names a Java class: " + m, e);
        }
    }

    // ---- targets ----

    static FuzzTarget spfRecord() throws IOException {
        List<String> seeds = new ArrayList<>(matching(SHARED.resolve("spf/rfc7208-tests.yml"),
                Pattern.compile("(v=spf1[^\"\\n]*)"), 1));
        seeds.addAll(zoneTexts("v=spf1"));
        seeds.add("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a:%{d} mx/24//64 include:_spf.%{o} exists:%{ir}.%{l1r+-}._spf.%{d} ptr -all exp=%{d}");
        return new FuzzTarget("spf-record", seeds, List.of("v=spf1", " ", "ip4:", "ip6:", "a", "mx", "ptr", "include:",
                "exists:", "redirect=", "exp=", "all", "-", "~", "?", "+", "/", "//", "%{", "}", "%%", "%_", "%-", ":"),
                4_096, input -> {
                    try {
                        SpfRecord r = SpfRecord.parse(input);
                        if (r.terms() == null || r.mechanisms() == null || r.directLookups() < 0) {
                            throw new AssertionError("incomplete record from " + FuzzRun.shown(input));
                        }
                    } catch (SpfSyntaxException e) {
                        refusedWell(e, input);
                        if (e.position() < 0 || e.position() > input.length()) {
                            throw new AssertionError("position " + e.position() + " outside the input", e);
                        }
                    }
                });
    }

    static FuzzTarget spfMacro() throws IOException {
        List<String> seeds = new ArrayList<>(matching(SHARED.resolve("spf/rfc7208-tests.yml"),
                Pattern.compile("([^\\s\"]*%\\{[^\\s\"]*)"), 1));
        seeds.add("%{ir}.%{v}._spf.%{d2}");
        seeds.add("%{c} is not one of %{d}'s designated mail servers. See http://%{d}/why.html?s=%{S}&i=%{I}");
        MacroValues values = new MacroValues("strong-bad@email.example.com", "strong-bad", "email.example.com",
                "email.example.com", "192.0.2.3", "mx.example.org", "in-addr", "mx.example.org", "192.0.2.3",
                "receiver.test", 1_700_000_000L);
        return new FuzzTarget("spf-macro", seeds, List.of("%{", "}", "%%", "%_", "%-", "s", "l", "o", "d", "i", "p",
                "v", "h", "c", "r", "t", "r", "0", "1", "128", "99999999999", ".-+,/_="), 2_048, input -> {
                    for (int kind = 0; kind < 3; kind++) {
                        try {
                            MacroString m = kind == 0 ? MacroString.domainSpec(input)
                                    : kind == 1 ? MacroString.explanation(input) : MacroString.modifierValue(input);
                            String expanded = m.expand(values);
                            if (expanded == null || expanded.length() > 1_000_000) {
                                throw new AssertionError("expansion out of bounds for " + FuzzRun.shown(input));
                            }
                        } catch (SpfSyntaxException e) {
                            refusedWell(e, input);
                        }
                    }
                });
    }

    static FuzzTarget dmarc() throws IOException {
        List<String> seeds = new ArrayList<>(zoneTexts("v=DMARC1"));
        seeds.add("v=DMARC1; p=reject; sp=quarantine; np=reject; pct=50; rua=mailto:a@b.test,mailto:c@d.test!10m;"
                + " ruf=mailto:f@b.test; adkim=s; aspf=r; fo=1:d:s; rf=afrf; ri=86400; psd=n; t=y");
        return new FuzzTarget("dmarc-record", seeds, List.of("v=DMARC1", ";", "=", "p=", "sp=", "np=", "rua=", "ruf=",
                "mailto:", "!", "adkim=", "aspf=", "fo=", "pct=", "t=", "psd=", ","), 4_096, input -> {
                    DmarcRecord r = DmarcRecordParser.parse(input);
                    if (r == null || r.problems() == null || r.rua() == null) {
                        throw new AssertionError("incomplete record from " + FuzzRun.shown(input));
                    }
                });
    }

    static FuzzTarget dkim() throws IOException {
        List<String> seeds = new ArrayList<>(zoneTexts("v=DKIM1"));
        seeds.add("v=DKIM1; k=ed25519; h=sha256; s=email; t=y:s; n=note; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        return new FuzzTarget("dkim-key-record", seeds, List.of("v=DKIM1", ";", "=", "k=", "rsa", "ed25519", "p=", "h=",
                "sha1", "sha256", "t=", "s=", "MIIB", "=="), 4_096, input -> {
                    DkimKeyRecord r = DkimKeyRecordParser.parse(input);
                    if (r == null || r.publicKey() == null) {
                        throw new AssertionError("incomplete record from " + FuzzRun.shown(input));
                    }
                });
    }

    static FuzzTarget mtaSts() throws IOException {
        List<String> seeds = new ArrayList<>(zoneTexts("v=STSv1"));
        seeds.addAll(zoneTexts("v=TLSRPTv1"));
        seeds.add("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\nmx: *.example.test\r\nmax_age: 604800\r\n");
        seeds.add("version: STSv1\nmode: testing\nmx: *.mtasts.test\nmax_age: 3600\n");
        return new FuzzTarget("mta-sts-and-tls-rpt", seeds, List.of("version:", "STSv1", "mode:", "enforce", "testing",
                "none", "mx:", "max_age:", "\r\n", "\n", "v=STSv1", "v=TLSRPTv1", "id=", "rua=", "mailto:", "https://", ";"),
                16_384, input -> {
                    MtaStsPolicy p = MtaStsPolicy.parse(input);
                    StsTxtRecord a = StsTxtRecord.parseMtaSts(input);
                    StsTxtRecord b = StsTxtRecord.parseTlsRpt(input);
                    if (p == null || p.problems() == null || a == null || a.problems() == null || b == null) {
                        throw new AssertionError("incomplete result from " + FuzzRun.shown(input));
                    }
                });
    }

    /** Names and addresses as users type them, including the hostile inputs of issue #17. */
    private static List<String> names() {
        return List.of("example.com", "mail.example.com", "good.com..", "a..", ".....", ".", "例子。台灣", "faß.de",
                "ς.gr", "xn--zca.de", "１２７.０.０.１", "127。0。0。1", "fe80::1%eth0", "[2001:db8::1]:587",
                "smtp.gmail.com:587", "smtp.gmail.com port 465", "localhost", "foo.local", "x.onion", "user@example.com",
                "https://example.com/path", "192.0.2.1", "2001:db8::25", "::ffff:127.0.0.1", "a".repeat(63) + ".com",
                "\u202eevil.com", "exa\u200dmple.com", "smtp.example.com:99999", "-bad-.com", "_dmarc.example.com");
    }

    private static final List<String> NAME_TOKENS = List.of(".", "..", ":", "[", "]", "@", "xn--", "%", "port ", "。",
            "．", "-", "_", "587", "465", "25", "::", "0x7f", "localhost", "\u0000");

    /** The one input parser (domains, addresses, hosts, selectors, DNS names) that the front ends share. */
    static FuzzTarget inputParser() {
        return new FuzzTarget("input-parser", names(), NAME_TOKENS, 2_048, input -> {
            List<Parsed<?>> all = List.of(InputParser.domain(input), InputParser.address(input), InputParser.host(input),
                    InputParser.selector(input), InputParser.dnsName(input));
            for (Parsed<?> p : all) {
                if (p instanceof Parsed.Accepted<?> a && a.value() == null) {
                    throw new AssertionError("accepted nothing from " + FuzzRun.shown(input));
                }
                if (p instanceof Parsed.Refused<?> r) {
                    if (r.error() == null || r.error().problem() == null) {
                        throw new AssertionError("refused without a reason: " + FuzzRun.shown(input));
                    }
                    String words = dev.mailhelp.input.Sentences.english(r.error());
                    if (words == null || words.isBlank() || words.contains("Exception")) {
                        throw new AssertionError("refusal in bad words '" + words + "' for " + FuzzRun.shown(input));
                    }
                }
            }
        });
    }

    static FuzzTarget domainName() {
        return new FuzzTarget("domain-name", names(), NAME_TOKENS, 1_024, input -> {
            try {
                DomainName d = DomainName.parse(input);
                if (d.ascii() == null || d.ascii().isEmpty() || d.ascii().length() > 253) {
                    throw new AssertionError("accepted a bad name '" + d.ascii() + "' from " + FuzzRun.shown(input));
                }
            } catch (IllegalArgumentException e) {
                refusedWell(e, input);
            }
        });
    }

    static FuzzTarget smtpTarget() {
        return new FuzzTarget("smtp-target", names(), NAME_TOKENS, 1_024, input -> {
            try {
                SmtpTarget t = SmtpTarget.parse(input);
                if (t.host() == null || (t.port().isPresent() && (t.port().getAsInt() < 1 || t.port().getAsInt() > 65535))) {
                    throw new AssertionError("accepted a bad target from " + FuzzRun.shown(input));
                }
            } catch (IllegalArgumentException e) {
                refusedWell(e, input);
            }
        });
    }

    static FuzzTarget ipAddress() {
        return new FuzzTarget("ip-address", names(), NAME_TOKENS, 256, input -> {
            try {
                if (ReverseNames.parseAddress(input) == null) {
                    throw new AssertionError("null address from " + FuzzRun.shown(input));
                }
            } catch (IllegalArgumentException e) {
                refusedWell(e, input);
            }
        });
    }

    static FuzzTarget dkimSelector() {
        return new FuzzTarget("dkim-selector", List.of("google", "selector1", "s1._domainkey", "k1.sub", "2024a"),
                NAME_TOKENS, 512, input -> {
                    try {
                        String s = DkimSelector.parse(input);
                        if (s == null || s.isEmpty()) {
                            throw new AssertionError("empty selector from " + FuzzRun.shown(input));
                        }
                    } catch (IllegalArgumentException e) {
                        refusedWell(e, input);
                    }
                });
    }

    static FuzzTarget dnsServer() {
        return new FuzzTarget("dns-server", List.of("127.0.0.1:5353", "[::1]:53", "9.9.9.9", "resolver.test:53",
                "127.0.0.1:99999"), NAME_TOKENS, 256, input -> {
                    try {
                        if (DnsSettings.parseServer(input) == null) {
                            throw new AssertionError("null server from " + FuzzRun.shown(input));
                        }
                    } catch (IllegalArgumentException e) {
                        refusedWell(e, input);
                    }
                });
    }

    static FuzzTarget duration() {
        return new FuzzTarget("duration", List.of("0.5", "1.0", "20", ".25", "600", "1e3", "-1", "1,5"),
                List.of(".", "0", "9", "-", "e", "+", " "), 64, input -> {
                    try {
                        Duration d = DurationText.parse("--timeout", input, DurationText.Unit.SECONDS,
                                Duration.ofMillis(100), Duration.ofMinutes(10));
                        if (d.toMillis() < 100 || d.toMillis() > 600_000) {
                            throw new AssertionError("out of range " + d + " from " + FuzzRun.shown(input));
                        }
                    } catch (IllegalArgumentException e) {
                        refusedWell(e, input);
                    }
                });
    }

    static FuzzTarget customId() {
        List<String> seeds = new ArrayList<>();
        for (CustomId.Action a : CustomId.Action.values()) {
            seeds.add(CustomId.of(a, "welcome", "2").encode());
        }
        seeds.add("mh1|i|check-domain|example.com");
        return new FuzzTarget("discord-custom-id", seeds, List.of("|", "mh1", "o", "s", "b", "bm", "sh", "x"), 256,
                input -> CustomId.decode(input).ifPresent(id -> {
                    // what decodes must encode back to itself (when it fits), or the bot would answer another button
                    if (id.fits() && !CustomId.decode(id.encode()).equals(java.util.Optional.of(id))) {
                        throw new AssertionError("round trip broke for " + FuzzRun.shown(input));
                    }
                }));
    }

    static FuzzTarget modalValue() {
        InputValidator validator = new InputValidator();
        List<String> seeds = new ArrayList<>(names());
        seeds.add("Delivery to the following recipient failed permanently: 550 5.7.1");
        return new FuzzTarget("modal-value", seeds, NAME_TOKENS, 4_096, input -> {
            for (InputKind kind : InputKind.values()) {
                InputValidator.Result r = validator.validate(kind, input);
                if (r == null) {
                    throw new AssertionError("no result for " + kind + " " + FuzzRun.shown(input));
                }
                if (r instanceof InputValidator.Result.Invalid inv && (inv.messageKey() == null || inv.messageKey().isBlank())) {
                    throw new AssertionError("invalid without a message for " + FuzzRun.shown(input));
                }
            }
        });
    }

    private static List<String> knowledgeSeeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(KNOWLEDGE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (int at = 0; at < text.length() && seeds.size() < 200; at += 6_000) {
                    seeds.add(text.substring(at, Math.min(text.length(), at + 6_000)));
                }
            }
        }
        return seeds;
    }

    private static final List<String> YAML_TOKENS = List.of(": ", "- ", "\n", "\n  ", "\t", "{", "}", "[", "]", "\"",
            "'", "&a", "*a", "!!binary", "---", "...", "|", ">-", "#", "? ", "%YAML 1.2", "<<: *a", "\\u0000", "@", "`");

    static FuzzTarget knowledgeYaml() throws IOException {
        return new FuzzTarget("knowledge-yaml", knowledgeSeeds(), YAML_TOKENS, 16_384, input -> {
            Problems problems = new Problems();
            new YamlTreeReader("fuzz.yaml", problems).read(input);
            problems.list().forEach(p -> {
                if (p.message() == null || p.message().isBlank()) {
                    throw new AssertionError("a problem without a message for " + FuzzRun.shown(input));
                }
            });
        });
    }

    static FuzzTarget blocklistCatalogue() throws IOException {
        String text = Files.readString(KNOWLEDGE.resolve(BlocklistCatalogue.FILE_NAME), StandardCharsets.UTF_8);
        List<String> seeds = new ArrayList<>();
        // the header and the first lists, in prefixes: every list entry shape, at a size that parses fast
        for (int at = 1_000; at <= 6_000 && at < text.length(); at += 1_000) {
            seeds.add(text.substring(0, at));
        }
        return new FuzzTarget("blocklist-catalogue", seeds, YAML_TOKENS, 8_192, input -> {
            try {
                BlocklistCatalogue.parse(input, "fuzz.yaml");
            } catch (CatalogueException e) {
                refusedWell(e, input);
            }
        });
    }

    static FuzzTarget bounce() throws IOException {
        BounceReader reader;
        try {
            reader = new BounceReader(BounceRules.load(KNOWLEDGE));
        } catch (BounceRulesException e) {
            throw new IOException("the bounce rules of knowledge/ do not load: " + e.getMessage(), e);
        }
        List<String> seeds = new ArrayList<>();
        Path dir = SHARED.resolve("bounces");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().limit(60).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    seeds.add(text.length() > 12_000 ? text.substring(0, 12_000) : text);
                }
            }
        }
        seeds.add("Delivery to the following recipient failed permanently:\n\n     someone@example.com\n\n"
                + "The error that the other server returned was:\n550 5.7.1 blocked using zen.spamhaus.org");
        return new FuzzTarget("bounce-reader", seeds, List.of("\n", "\r\n", "Content-Type: ", "multipart/report",
                "boundary=", "--", "Status: ", "5.1.1", "550 ", "Final-Recipient: rfc822;", "Action: failed",
                "Diagnostic-Code: smtp;", "=?utf-8?B?", "=\n", "Content-Transfer-Encoding: base64", "<", ">", "@"),
                16_384, input -> {
                    BounceReport report;
                    try {
                        report = reader.read(input);
                    } catch (UnreadableBounceException e) {
                        refusedWell(e, input);
                        return;
                    }
                    if (report == null) {
                        throw new AssertionError("no report for " + FuzzRun.shown(input));
                    }
                    BounceCheck.toOutcome(report, "en");
                    BounceCheck.toOutcome(report, "zh-TW");
                });
    }

    /** The message reader of the message analysis: headers, Received hops, Authentication-Results, DKIM tags. */
    static FuzzTarget message() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (Path dir : List.of(SHARED.resolve("msgauth/messages"), Path.of("src/test/resources/message/dkimpy/messages"),
                Path.of("src/test/resources/message"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().limit(60).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    seeds.add(text.length() > 12_000 ? text.substring(0, 12_000) : text);
                }
            }
        }
        return new FuzzTarget("message-reader", seeds, List.of("\r\n", "\n", " ", "\t", "DKIM-Signature: ",
                "ARC-Seal: ", "Authentication-Results: ", "Received: from ", " by ", "; ", "v=1; a=rsa-sha256; d=",
                "s=", "b=", "bh=", "h=from:to", "c=relaxed/simple", "l=", "t=", "x=", "dkim=pass", "spf=fail",
                "header.d=", "(", ")", "\"", "=?utf-8?q?"), 16_384, input -> {
                    dev.mailhelp.diagnosis.message.MessageText m =
                            dev.mailhelp.diagnosis.message.MessageText.parse(input.getBytes(StandardCharsets.ISO_8859_1));
                    dev.mailhelp.diagnosis.message.ReceivedHop.hops(m);
                    for (dev.mailhelp.diagnosis.message.HeaderField h : m.headers()) {
                        if (h.is("Authentication-Results") || h.is("ARC-Authentication-Results")) {
                            dev.mailhelp.diagnosis.message.AuthenticationResults.parse(h.value());
                        }
                        if (h.is("DKIM-Signature") || h.is("ARC-Message-Signature")) {
                            dev.mailhelp.diagnosis.message.DkimSignature.parse(h, h.is("ARC-Message-Signature"), 1_700_000_000L);
                        }
                        dev.mailhelp.diagnosis.message.TagList.parse(h.value());
                    }
                });
    }
}
