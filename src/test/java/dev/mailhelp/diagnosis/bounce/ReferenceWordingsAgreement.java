package dev.mailhelp.diagnosis.bounce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Agreement with the reference library on its own documented wordings. The installed Sisimai's
 * modules are read at run time by {@code reference-wordings.pl} (every wording of its reason
 * indexes and regular expressions, of its per-MTA and per-provider tables; nothing of Sisimai is
 * kept in this repository). Each wording is put into a small RFC 3464 delivery status
 * notification written here (the wording in Diagnostic-Code after a plausible reply code and
 * status; for a provider's table, the status it is listed under and a Remote-MTA of that
 * provider), and the message is read by mailhelp and by Sisimai (one Perl process for all).
 * Agreement is the share of wordings on which both name the same reason; the disagreements are
 * where to look for missing wording families.
 */
public final class ReferenceWordingsAgreement {

    static final Path EXTRACTOR = Path.of("src/test/resources/bounces/sisimai/reference-wordings.pl");
    private static final long TIMEOUT_SECONDS = 300;

    /** One wording as the reference lists it: the module, its table, the reason it stands for. */
    public record Wording(String module, String table, String reason, String text, String code, String status) {
    }

    /**
     * Reasons of the shared corpus's vocabulary (Sisimai 5, newer than the installed 4.25) that
     * split one of 4.25's reasons: mailhelp naming the finer one agrees with 4.25 naming its parent.
     * Sisimai 5.0.0's change log: RequirePTR and BadReputation out of Blocked, FailedSTARTTLS out of
     * SecurityError, Speeding out of TooManyConn, NotCompliantRFC out of ContentError, AuthFailure
     * for SPF / DKIM / DMARC refusals that 4.25 files under Blocked, PolicyViolation or
     * SecurityError (https://github.com/sisimai/p5-sisimai/blob/v5.0.0/ChangeLog.md).
     */
    static final Map<String, Set<String>> REFINES = Map.of(
            "requireptr", Set.of("blocked"),
            "badreputation", Set.of("blocked"),
            "failedstarttls", Set.of("securityerror"),
            "speeding", Set.of("toomanyconn"),
            "notcompliantrfc", Set.of("contenterror"),
            "authfailure", Set.of("blocked", "policyviolation", "securityerror"));

    /** One wording read by both. */
    public record Case(Wording wording, String file, String mailhelp, String sisimai) {
        /** Same reason, or mailhelp's is a newer split of Sisimai 4.25's. */
        public boolean agree() {
            return mailhelp.equals(sisimai) || REFINES.getOrDefault(mailhelp, Set.of()).contains(sisimai);
        }

        /** Same reason name, no allowance for the newer splits. */
        public boolean sameName() {
            return mailhelp.equals(sisimai);
        }
    }

    /** All cases of one run. */
    public record Result(List<Case> cases) {
        public double agreement() {
            return cases.isEmpty() ? 0 : 100.0 * cases.stream().filter(Case::agree).count() / cases.size();
        }

        /** Agreement on the exact reason name (no allowance for Sisimai 5's splits). */
        public double sameNameAgreement() {
            return cases.isEmpty() ? 0 : 100.0 * cases.stream().filter(Case::sameName).count() / cases.size();
        }

        /** Sisimai reading its own wording under the reason it lists it for (its self-consistency). */
        public double sisimaiSelfAgreement() {
            return cases.isEmpty() ? 0
                    : 100.0 * cases.stream().filter(c -> c.sisimai().equals(c.wording().reason())).count() / cases.size();
        }

        /** mailhelp naming the reason Sisimai lists the wording under (whatever Sisimai then reads). */
        public double listedAgreement() {
            return cases.isEmpty() ? 0 : 100.0 * cases.stream().filter(c -> c.mailhelp().equals(c.wording().reason())
                    || REFINES.getOrDefault(c.mailhelp(), Set.of()).contains(c.wording().reason())).count() / cases.size();
        }

        public List<Case> disagreements() {
            return cases.stream().filter(c -> !c.agree()).toList();
        }

        /** Per reason Sisimai lists the wording under: wordings, agreeing, agreement %. */
        public String table() {
            Map<String, int[]> by = new TreeMap<>();
            for (Case c : cases) {
                int[] n = by.computeIfAbsent(c.wording().reason(), k -> new int[2]);
                n[0]++;
                n[1] += c.agree() ? 1 : 0;
            }
            StringBuilder b = new StringBuilder("| reason listed | wordings | agree | % |\n|---|---:|---:|---:|\n");
            by.forEach((r, n) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f |%n", r, n[0], n[1],
                    100.0 * n[1] / n[0])));
            b.append(String.format(Locale.ROOT, "| **all** | %d | %d | **%.1f** |%n", cases.size(),
                    cases.stream().filter(Case::agree).count(), agreement()));
            return b.toString();
        }
    }

    private ReferenceWordingsAgreement() {
    }

    /** The wordings of the installed Sisimai, read from its modules by the extractor script. */
    public static List<Wording> wordings() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("perl", EXTRACTOR.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the wording extractor did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("the wording extractor exited with " + p.exitValue());
        }
        ObjectMapper json = new ObjectMapper();
        List<Wording> all = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = json.readTree(line);
            all.add(new Wording(o.path("module").asText(), o.path("table").asText(), o.path("reason").asText(),
                    o.path("wording").asText(), o.path("code").asText(), o.path("status").asText()));
        }
        return all;
    }

    /** A Remote-MTA whose name the reference ties to the provider module (its Rhost table). */
    static String remoteHost(Wording w) {
        return switch (w.module()) {
            case "Rhost/Cox.pm" -> "fed1rmimpi.cox.net";
            case "Rhost/ExchangeOnline.pm" -> "example-com.mail.protection.outlook.com";
            case "Rhost/FrancePTT.pm" -> "smtp-in.orange.fr";
            case "Rhost/GoDaddy.pm" -> "smtp.secureserver.net";
            case "Rhost/GoogleApps.pm" -> "aspmx.l.google.com";
            case "Rhost/IUA.pm" -> "mx.email.ua";
            case "Rhost/KDDI.pm" -> "mx.ezweb.ne.jp";
            case "Rhost/Mimecast.pm" -> "eu-smtp-inbound-1.mimecast.com";
            case "Rhost/NTTDOCOMO.pm" -> "mfsmax.docomo.ne.jp";
            case "Rhost/Spectrum.pm" -> "mx.charter.net";
            case "Rhost/TencentQQ.pm" -> "mx1.qq.com";
            default -> "mx.example.com";
        };
    }

    /**
     * The status the wording is sent under: the one the table lists it with, otherwise the
     * generic permanent failure X.0.0 so that the wording, not the status, decides.
     */
    static String status(Wording w) {
        return w.status().isEmpty() ? "5.0.0" : w.status();
    }

    static String replyCode(Wording w) {
        if (!w.code().isEmpty()) {
            return w.code();
        }
        return status(w).startsWith("4") ? "451" : "550";
    }

    /** An RFC 3464 report (multipart/report, message/delivery-status) carrying the wording. */
    static String dsn(Wording w, int n) {
        String b = "==refwording" + n;
        String text = w.text().replaceAll("[\\r\\n]+", " ").strip();
        return "From: Mail Delivery System <MAILER-DAEMON@relay.example.org>\r\n"
                + "To: sender@example.org\r\n"
                + "Subject: Delivery Status Notification (Failure)\r\n"
                + "Date: Fri, 04 Dec 2026 10:00:00 +0000\r\n"
                + "Message-ID: <ref" + n + "@relay.example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + b + "\"\r\n\r\n"
                + "--" + b + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "Your message could not be delivered to one recipient.\r\n\r\n"
                + "--" + b + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; relay.example.org\r\n"
                + "Arrival-Date: Fri, 04 Dec 2026 09:59:58 +0000\r\n\r\n"
                + "Final-Recipient: rfc822; user" + n + "@example.com\r\n"
                + "Action: failed\r\n"
                + "Status: " + status(w) + "\r\n"
                + "Remote-MTA: dns; " + remoteHost(w) + "\r\n"
                + "Diagnostic-Code: smtp; " + replyCode(w) + " " + status(w) + " " + text + "\r\n\r\n"
                + "--" + b + "\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: sender@example.org\r\nTo: user" + n + "@example.com\r\nSubject: Hello\r\n"
                + "Message-ID: <orig" + n + "@example.org>\r\n\r\n"
                + "--" + b + "--\r\n";
    }

    /** Writes one report per wording into {@code dir}, reads them with both, and pairs the answers. */
    public static Result run(BounceRules rules, List<Wording> wordings, Path dir) throws IOException, InterruptedException {
        BounceReader reader = new BounceReader(rules);
        List<String> files = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < wordings.size(); i++) {
            String file = String.format(Locale.ROOT, "ref-%04d.eml", i);
            byte[] bytes = dsn(wordings.get(i), i).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(file), bytes);
            files.add(file);
            String got;
            try {
                List<RecipientResult> results = reader.read(bytes).results();
                got = results.isEmpty() ? "(none)" : results.get(0).reason();
            } catch (UnreadableBounceException e) {
                got = "(unreadable)";
            }
            ours.add(got);
        }
        SisimaiComparison.Readings theirs = SisimaiComparison.read(dir);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < wordings.size(); i++) {
            List<JsonNode> r = theirs.byFile().getOrDefault(files.get(i), List.of());
            String sisimai = r.isEmpty() ? "(none)" : r.get(0).path("reason").asText();
            cases.add(new Case(wordings.get(i), files.get(i), ours.get(i), sisimai));
        }
        return new Result(cases);
    }

    /** Runs in a temporary folder that is removed afterwards. */
    public static Result run(BounceRules rules) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("refwordings");
        try {
            return run(rules, wordings(), dir);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Prints the per-reason table and every disagreement (for docs/benchmarks.md and for study). */
    public static void main(String[] args) throws Exception {
        Result r = run(BounceRules.load(Path.of(args.length > 0 ? args[0] : "knowledge")));
        System.out.print(r.table());
        System.out.printf(Locale.ROOT, "agreement %.1f %% (same reason name %.1f %%); with the listed reason: mailhelp %.1f %%, Sisimai %.1f %%%n",
                r.agreement(), r.sameNameAgreement(), r.listedAgreement(), r.sisimaiSelfAgreement());
        System.out.println("Disagreements (module table listed-reason | Sisimai | mailhelp | wording):");
        for (Case c : r.disagreements()) {
            Wording w = c.wording();
            System.out.println(w.module() + " " + w.table() + " " + w.reason() + " | sisimai " + c.sisimai()
                    + " | mailhelp " + c.mailhelp() + " | " + replyCode(w) + " " + status(w) + " " + w.text());
        }
    }
}
