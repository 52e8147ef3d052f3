package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import dev.mailhelp.knowledge.ProviderCatalogue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Small but real checks for the tests of the adapter's own behaviour (progress timing, a check
 * slower than 3 s, "Check again", failures, the rate limit), where a few parts with predictable
 * findings make the assertions exact: DNS questions to the test DNS server (whose latency tests
 * can raise) and a real SMTP dialogue with a local server. They keep the project's ids, facts and
 * outcomes. The project's own checks run in {@link ProjectChecksTest} and {@link ConversationBranchesTest}.
 */
final class TestChecks {

    static final String BLOCKLIST_ZONES = "bl1.mailhelp.test,bl2.mailhelp.test,bl3.mailhelp.test";

    private TestChecks() {
    }

    static Map<String, Check> all(DnsClient dns, ProviderCatalogue providers) {
        Map<String, Check> checks = new HashMap<>();
        for (Check check : List.of(new DomainCheck(dns), new BlocklistIpCheck(dns), new ProviderCheck(dns, providers),
                new SmtpBannerCheck(dns), new BounceCheck(),
                new dev.mailhelp.diagnosis.message.MessageCheck(new dev.mailhelp.diagnosis.message.MessageAnalyzer(dns)))) {
            checks.put(check.id(), check);
        }
        return checks;
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> texts(DnsResult result) {
        List<String> out = new ArrayList<>();
        if (result instanceof DnsResult.Answer answer) {
            answer.records().forEach(r -> out.add(String.join("", ((TXTRecord) r).getStrings())));
        }
        return out;
    }

    /** MX, SPF and DMARC, asked concurrently; each answer is one part of the progress. */
    static final class DomainCheck implements Check {
        private final DnsClient dns;

        DomainCheck(DnsClient dns) {
            this.dns = dns;
        }

        @Override
        public String id() {
            return "domain";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("domain");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("ok", "problems", "error", "provider-domain");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            String domain = request.fact("domain").orElseThrow();
            AtomicInteger done = new AtomicInteger();
            List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<?> mx = dns.query(name(domain), Type.MX).thenAccept(r -> {
                Finding f = r instanceof DnsResult.Answer a
                        ? Finding.ok("mx", "mx.present", "Mail servers: " + a.records().size(), a.records().get(0).rdataToString())
                        : r instanceof DnsResult.Failure fail
                        ? Finding.couldNotCheck("mx", "mx.lookup-failed", "The MX lookup failed (" + fail.kind().id() + ")", domain)
                        : new Finding("mx", Severity.FAIL, "mx.missing", "No MX records: nobody can send mail to " + domain,
                        "", "Publish MX records that point to your mail server.", "dns-records");
                findings.add(f);
                progress.partDone("mx", done.incrementAndGet(), 3, List.of(f));
            });
            CompletableFuture<?> spf = dns.query(name(domain), Type.TXT).thenAccept(r -> {
                List<String> records = texts(r).stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("v=spf1")).toList();
                Finding f = r instanceof DnsResult.Failure
                        ? Finding.couldNotCheck("spf", "spf.lookup-failed", "The SPF lookup failed", domain)
                        : records.size() == 1 ? Finding.ok("spf", "spf.present", "SPF record found", records.get(0))
                        : new Finding("spf", Severity.FAIL, "spf.missing", "No SPF record on " + domain, "",
                        "Publish one TXT record starting with v=spf1 that lists your senders.", "spf");
                findings.add(f);
                progress.partDone("spf", done.incrementAndGet(), 3, List.of(f));
            });
            CompletableFuture<?> dmarc = dns.query(name("_dmarc." + domain), Type.TXT).thenAccept(r -> {
                List<String> records = texts(r).stream().filter(t -> t.startsWith("v=DMARC1")).toList();
                Finding f = r instanceof DnsResult.Failure
                        ? Finding.couldNotCheck("dmarc", "dmarc.lookup-failed", "The DMARC lookup failed", domain)
                        : records.isEmpty() ? new Finding("dmarc", Severity.WARN, "dmarc.missing", "No DMARC record on " + domain,
                        "", "Publish v=DMARC1; p=none at _dmarc." + domain + " to start.", "dmarc")
                        : Finding.ok("dmarc", "dmarc.present", "DMARC record found", records.get(0));
                findings.add(f);
                progress.partDone("dmarc", done.incrementAndGet(), 3, List.of(f));
            });
            return CompletableFuture.allOf(mx, spf, dmarc)
                    .thenApply(x -> CheckOutcome.fromFindings(List.copyOf(findings), "DNS records of " + domain));
        }
    }

    /** RFC 5782 queries of the address in each test blocklist zone. */
    static final class BlocklistIpCheck implements Check {
        private final DnsClient dns;

        BlocklistIpCheck(DnsClient dns) {
            this.dns = dns;
        }

        @Override
        public String id() {
            return "blocklist-ip";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("ip");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("listed", "clean", "error");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            String ip = request.fact("ip").orElseThrow();
            String[] octets = ip.split("\\.");
            String reversed = octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0];
            String[] zones = BLOCKLIST_ZONES.split(",");
            AtomicInteger done = new AtomicInteger();
            List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<?>> queries = new ArrayList<>();
            for (String zone : zones) {
                queries.add(dns.query(name(reversed + "." + zone), Type.A).thenAccept(r -> {
                    Finding f;
                    if (r instanceof DnsResult.Answer a) {
                        f = new Finding("blocklist", Severity.FAIL, "blocklist.listed", ip + " is listed on " + zone,
                                ((ARecord) a.records().get(0)).getAddress().getHostAddress(),
                                "Find and fix the cause (an infected device, an open relay), then ask " + zone + " for removal.",
                                "blocklist-removal");
                    } else if (r.isEmpty()) {
                        f = Finding.ok("blocklist", "blocklist.not-listed", ip + " is not listed on " + zone, "");
                    } else {
                        f = Finding.couldNotCheck("blocklist", "blocklist.lookup-failed", zone + " did not answer", "");
                    }
                    findings.add(f);
                    progress.partDone(zone, done.incrementAndGet(), zones.length, List.of(f));
                }));
            }
            return CompletableFuture.allOf(queries.toArray(new CompletableFuture[0])).thenApply(x -> {
                boolean listed = findings.stream().anyMatch(f -> f.severity() == Severity.FAIL);
                boolean error = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
                return new CheckOutcome(listed ? "listed" : error ? "error" : "clean", List.copyOf(findings), Map.of(),
                        listed ? ip + " is on a blocklist" : ip + " is on none of " + zones.length + " lists");
            });
        }
    }

    /** Recognises the provider from the domain's MX hosts with the provider catalogue. */
    static final class ProviderCheck implements Check {
        private final DnsClient dns;
        private final ProviderCatalogue providers;

        ProviderCheck(DnsClient dns, ProviderCatalogue providers) {
            this.dns = dns;
            this.providers = providers;
        }

        @Override
        public String id() {
            return "provider";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("domain");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("known", "unknown", "error");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            String domain = request.fact("domain").orElseThrow();
            return dns.query(name(domain), Type.MX).thenApply(r -> {
                if (r instanceof DnsResult.Failure) {
                    Finding f = Finding.couldNotCheck("provider", "provider.lookup-failed", "MX lookup failed", domain);
                    progress.partDone("mx", 1, 1, List.of(f));
                    return new CheckOutcome("error", List.of(f), Map.of(), "");
                }
                List<String> hosts = new ArrayList<>();
                if (r instanceof DnsResult.Answer a) {
                    a.records().forEach(rec -> hosts.add(((MXRecord) rec).getTarget().toString(true)));
                }
                var provider = hosts.stream().map(providers::byMxHost).flatMap(java.util.Optional::stream).findFirst();
                Finding f = provider.map(p -> Finding.info("provider", "provider.known", "Mail is handled by " + p.name(),
                        String.join(", ", hosts))).orElse(Finding.info("provider", "provider.unknown",
                        "The provider is not in the catalogue", String.join(", ", hosts)));
                progress.partDone("mx", 1, 1, List.of(f));
                return provider.map(p -> new CheckOutcome("known", List.of(f), Map.of("provider", p.id()), p.name()))
                        .orElse(new CheckOutcome("unknown", List.of(f), Map.of(), ""));
            });
        }
    }

    /** A real SMTP conversation: greeting, EHLO, and whether STARTTLS and AUTH are offered. */
    static final class SmtpBannerCheck implements Check {
        private final DnsClient dns;

        SmtpBannerCheck(DnsClient dns) {
            this.dns = dns;
        }

        @Override
        public String id() {
            return "smtp";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("host");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("ok", "problems", "error", "no-such-name");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            String fact = request.fact("host").orElseThrow();
            int colon = fact.lastIndexOf(':');
            String host = colon > 0 ? fact.substring(0, colon) : fact;
            int port = colon > 0 ? Integer.parseInt(fact.substring(colon + 1)) : 587;
            return dns.query(name(host), Type.A).thenApplyAsync(r -> {
                if (!(r instanceof DnsResult.Answer a)) {
                    Finding f = Finding.couldNotCheck("smtp", "smtp.no-address", host + " has no address", "");
                    return new CheckOutcome("error", List.of(f), Map.of(), "");
                }
                InetAddress address = ((ARecord) a.records().get(0)).getAddress();
                progress.partDone("resolve " + host, 1, 2, List.of(Finding.ok("smtp", "smtp.resolved", host, address.getHostAddress())));
                List<Finding> findings = new ArrayList<>();
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 3000);
                    socket.setSoTimeout(3000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = socket.getOutputStream();
                    String greeting = in.readLine();
                    findings.add(Finding.ok("smtp", "smtp.greeting", "The server greets", greeting));
                    out.write("EHLO mailhelp.test\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    List<String> extensions = new ArrayList<>();
                    String line;
                    while ((line = in.readLine()) != null) {
                        extensions.add(line.substring(4));
                        if (line.length() < 4 || line.charAt(3) == ' ') {
                            break;
                        }
                    }
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    boolean tls = extensions.stream().anyMatch(e -> e.toUpperCase(Locale.ROOT).startsWith("STARTTLS"));
                    findings.add(tls ? Finding.ok("smtp", "smtp.starttls", "STARTTLS is offered", "")
                            : new Finding("smtp", Severity.WARN, "smtp.no-starttls", "Port " + port + " does not offer STARTTLS",
                            String.join(" ", extensions), "Use port 465 (TLS) or enable STARTTLS on the server.", "ports-and-tls"));
                } catch (Exception e) {
                    findings.add(Finding.couldNotCheck("smtp", "smtp.connect-failed", "Could not talk to " + host + ":" + port,
                            e.getClass().getSimpleName()));
                }
                progress.partDone("port " + port, 2, 2, findings);
                return CheckOutcome.fromFindings(findings, "SMTP server " + host + ":" + port);
            });
        }
    }

    /** Reads the enhanced status code and a few words of a pasted bounce to pick the branch. */
    static final class BounceCheck implements Check {
        private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

        @Override
        public String id() {
            return "bounce";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("bounce");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("blocklist", "limits", "auth", "dns", "provider", "recipient", "other", "error");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            return CompletableFuture.supplyAsync(() -> {
                String text = request.fact("bounce").orElseThrow();
                String lower = text.toLowerCase(Locale.ROOT);
                java.util.regex.Matcher m = CODE.matcher(text);
                String code = m.find() ? m.group() : "";
                String outcome;
                if (lower.contains("spamhaus") || lower.contains("blocklist") || lower.contains("blacklist")) {
                    outcome = "blocklist";
                } else if (lower.contains("limit") || lower.contains("quota") || lower.contains("too many")) {
                    outcome = "limits";
                } else if (code.equals("5.7.8") || code.equals("5.7.57") || lower.contains("authentication")) {
                    outcome = "auth";
                } else if (lower.contains("spf") || lower.contains("dkim") || lower.contains("dmarc")) {
                    outcome = "dns";
                } else if (code.equals("5.1.1")) {
                    outcome = "recipient";
                } else {
                    outcome = "other";
                }
                Finding f = new Finding("bounce", outcome.equals("other") ? Severity.INFO : Severity.FAIL, "bounce." + outcome,
                        "The bounce says: " + outcome + (code.isEmpty() ? "" : " (" + code + ")"),
                        text.lines().filter(l -> CODE.matcher(l).find()).findFirst().orElse(""), "", "reading-bounces");
                progress.partDone("status code", 1, 1, List.of(f));
                return new CheckOutcome(outcome, List.of(f), Map.of(), "Bounce: " + outcome);
            });
        }
    }
}
