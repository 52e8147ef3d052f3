package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The SPF part of the domain report: reads the domain's SPF record and everything it includes,
 * and says what is wrong with it, each finding with the record seen and the record to publish.
 * The returned stage never completes exceptionally; DNS trouble is {@code spf.could-not-check}.
 */
public final class SpfPart {

    public static final String CHECK = "spf";
    public static final String ARTICLE = "spf";

    private final DnsClient dns;
    private final int maxLookups;
    private final int maxVoids;

    public SpfPart(DnsClient dns) {
        this(dns, SpfSettings.defaults());
    }

    public SpfPart(DnsClient dns, SpfSettings settings) {
        this.dns = dns;
        this.maxLookups = settings.maxLookups();
        this.maxVoids = settings.maxVoidLookups();
    }

    public CompletionStage<List<Finding>> check(String domain) {
        String d = domain.trim();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        Name name = DomainNames.toName(d);
        if (name == null || !DomainNames.isCheckable(d)) {
            return CompletableFuture.completedFuture(List.of(finding(Severity.ERROR, "spf.could-not-check").with("reason", "name")
                    .with("domain", domain).evidence(domain)));
        }
        String dom = d;
        CompletableFuture<DnsResult> txt = dns.query(name, Type.TXT);
        CompletableFuture<DnsResult> type99 = dns.query(name, Type.SPF);
        return txt.thenCombine(type99, (t, s) -> new Object[] {t, s})
                .thenCompose(pair -> lint(dom, (DnsResult) pair[0], (DnsResult) pair[1]))
                .exceptionally(e -> List.of(finding(Severity.ERROR, "spf.could-not-check").with("reason", "internal")
                        .with("domain", dom).evidence(String.valueOf(e))));
    }

    private CompletableFuture<List<Finding>> lint(String domain, DnsResult txt, DnsResult type99) {
        List<Finding> out = new ArrayList<>();
        if (txt instanceof DnsResult.Failure) {
            DnsResult.Failure f = (DnsResult.Failure) txt;
            out.add(finding(Severity.ERROR, "spf.could-not-check").with("reason", "lookup").with("domain", domain)
                    .with("failure", dev.mailhelp.diagnosis.dnsdata.LookupText.failure(f.kind()))
                    .evidence("TXT " + domain + ": " + f.kind().name()));
            return CompletableFuture.completedFuture(out);
        }
        List<TXTRecord> spfRecords = new ArrayList<>();
        if (txt instanceof DnsResult.Answer) {
            for (Record r : ((DnsResult.Answer) txt).records()) {
                if (r instanceof TXTRecord && SpfRecord.isSpf1(TxtStrings.joined((TXTRecord) r, StandardCharsets.ISO_8859_1))) {
                    spfRecords.add((TXTRecord) r);
                }
            }
        }
        List<String> texts = spfRecords.stream()
                .map(r -> TxtStrings.joined(r, StandardCharsets.ISO_8859_1)).toList();
        type99Finding(domain, type99, texts).ifPresent(out::add);
        if (texts.isEmpty()) {
            for (Record r : txt instanceof DnsResult.Answer ? ((DnsResult.Answer) txt).records() : List.<Record>of()) {
                String t = r instanceof TXTRecord ? TxtStrings.joined((TXTRecord) r, StandardCharsets.ISO_8859_1) : "";
                if (t.startsWith("\"") && SpfRecord.isSpf1(t.replace("\"", ""))) {
                    out.add(splitFinding(domain, (TXTRecord) r, t, true).orElseThrow());
                    return CompletableFuture.completedFuture(out);
                }
            }
            out.add(finding(Severity.FAIL, "spf.missing").with("domain", domain)
                    .with("nxdomain", txt instanceof DnsResult.NxDomain ? "yes" : "no")
                    .evidence(txt instanceof DnsResult.NxDomain ? "NXDOMAIN " + domain : "TXT " + domain + ": v=spf1 —"));
            return CompletableFuture.completedFuture(out);
        }
        if (texts.size() > 1) {
            out.add(finding(Severity.FAIL, "spf.multiple-records").with("domain", domain).with("count", texts.size())
                    .with("record", merged(texts)).evidence(String.join("\n", texts)));
            return CompletableFuture.completedFuture(out);
        }
        String text = texts.get(0);
        TXTRecord published = spfRecords.get(0);
        SpfRecord record;
        try {
            record = SpfRecord.parse(text);
        } catch (SpfSyntaxException e) {
            splitFinding(domain, published, text, true).ifPresentOrElse(out::add, () -> out.add(syntax(domain, text, e)));
            return CompletableFuture.completedFuture(out);
        }
        splitFinding(domain, published, text, false).ifPresent(out::add);
        allFindings(domain, record).ifPresent(out::add);
        if (record.mechanisms().stream().anyMatch(m -> m.kind() == MechanismKind.PTR)) {
            out.add(finding(Severity.WARN, "spf.ptr-mechanism").with("record", without(record, MechanismKind.PTR))
                    .evidence(text));
        }
        return new SpfPolicyTree(dns).walk(domain, record).thenApply(tree -> {
            treeFindings(domain, text, record, tree, out);
            if (out.stream().noneMatch(f -> f.severity() != Severity.OK && f.severity() != Severity.INFO)) {
                out.add(finding(Severity.OK, "spf.ok").with("domain", domain).with("lookups", tree.lookups())
                        .with("limit", maxLookups).with("ending", endingNote(record))
                        .with("ends", endingNote(record).isEmpty() ? "no" : "yes").evidence(text));
            }
            return out;
        });
    }

    private static String endingNote(SpfRecord record) {
        for (Mechanism m : record.mechanisms()) {
            if (m.kind() == MechanismKind.ALL) {
                return m.qualifier().symbol() + "all";
            }
        }
        return record.redirect() != null ? record.redirect().text() : "";
    }

    private static Finding syntax(String domain, String text, SpfSyntaxException e) {
        int pos = Math.max(0, Math.min(e.position(), text.length()));
        String pointer = text + "\n" + " ".repeat(pos) + "^";
        java.util.Optional<String> repaired = SyntaxRepair.repaired(text);
        return finding(Severity.FAIL, "spf.syntax").with("domain", domain).with("position", String.valueOf(pos + 1))
                .with("problem", e.problem()).with("repaired", repaired.isPresent() ? "yes" : "no")
                .with("record", repaired.orElse("")).evidence(pointer);
    }

    /** Several strings glued into a broken record, literal quotes, or a string over 255 octets. */
    private static java.util.Optional<Finding> splitFinding(String domain, TXTRecord published, String text,
                                                            boolean brokenSyntax) {
        List<byte[]> strings = published.getStringsAsByteArrays();
        String cleaned = text.replace("\" \"", "").replace("\"", "").replaceAll(" {2,}", " ").trim();
        if (text.contains("\"")) {
            return java.util.Optional.of(finding(Severity.FAIL, "spf.string-split").with("reason", "quotes").with("domain", domain)
                    .with("count", strings.size()).with("record", quoted(chunks(cleaned))).evidence(quoted(strings)));
        }
        if (strings.size() < 2) {
            return java.util.Optional.empty();
        }
        StringBuilder spaced = new StringBuilder();
        boolean gapLost = false;
        for (int i = 0; i < strings.size(); i++) {
            String s = new String(strings.get(i), StandardCharsets.ISO_8859_1);
            if (i > 0 && !spaced.toString().endsWith(" ") && !s.startsWith(" ")) {
                spaced.append(' ');
                gapLost = true;
            }
            spaced.append(s);
        }
        if (!gapLost) {
            return java.util.Optional.empty();
        }
        boolean spacedParses;
        try {
            SpfRecord.parse(spaced.toString());
            spacedParses = true;
        } catch (SpfSyntaxException e) {
            spacedParses = false;
        }
        int joinedTerms = 0;
        int spacedTerms = 0;
        if (spacedParses) {
            try {
                spacedTerms = SpfRecord.parse(spaced.toString()).terms().size();
                joinedTerms = brokenSyntax ? 0 : SpfRecord.parse(text).terms().size();
            } catch (SpfSyntaxException e) {
                joinedTerms = 0;
            }
        }
        // a split inside a term is fine (the halves are joined back); a split where a space was
        // dropped glues two terms into one, which either breaks the record or names a wrong domain
        if (spacedParses && (brokenSyntax || spacedTerms > joinedTerms)) {
            return java.util.Optional.of(finding(Severity.FAIL, "spf.string-split").with("reason", "glued").with("domain", domain)
                    .with("count", strings.size()).with("record", quoted(chunks(spaced.toString())))
                    .evidence(quoted(strings) + "\n= " + text));
        }
        return java.util.Optional.empty();
    }

    private static List<byte[]> chunks(String text) {
        List<byte[]> out = new ArrayList<>();
        byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < all.length; i += 255) {
            out.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 255)));
        }
        return out;
    }

    private static String quoted(List<byte[]> strings) {
        return strings.stream().map(b -> "\"" + new String(b, StandardCharsets.ISO_8859_1) + "\"")
                .collect(Collectors.joining(" "));
    }

    private java.util.Optional<Finding> type99Finding(String domain, DnsResult type99, List<String> txtRecords) {
        if (!(type99 instanceof DnsResult.Answer)) {
            return java.util.Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (Record r : ((DnsResult.Answer) type99).records()) {
            texts.add(r.rdataToString());
        }
        return java.util.Optional.of(finding(Severity.WARN, "spf.type99-record").with("domain", domain)
                .with("txt", txtRecords.isEmpty() ? "no" : "yes").evidence("SPF " + String.join("\n", texts)));
    }

    private static java.util.Optional<Finding> allFindings(String domain, SpfRecord record) {
        Mechanism all = record.mechanisms().stream().filter(m -> m.kind() == MechanismKind.ALL)
                .findFirst().orElse(null);
        if (all == null) {
            if (record.redirect() != null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(finding(Severity.WARN, "spf.neutral-all").with("reason", "no_all").with("domain", domain)
                    .with("record", record.text() + " ~all").evidence(record.text()));
        }
        if (all.qualifier() == Qualifier.PASS) {
            return java.util.Optional.of(finding(Severity.FAIL, "spf.plus-all").with("domain", domain).with("term", all.text())
                    .with("record", replaceTerm(record, all, "~all")).evidence(record.text()));
        }
        if (all.qualifier() == Qualifier.NEUTRAL) {
            return java.util.Optional.of(finding(Severity.WARN, "spf.neutral-all").with("reason", "neutral").with("domain", domain)
                    .with("record", replaceTerm(record, all, "~all")).evidence(record.text()));
        }
        return java.util.Optional.empty();
    }

    private void treeFindings(String domain, String text, SpfRecord record, SpfPolicyTree.Node tree,
                              List<Finding> out) {
        if (!tree.failures().isEmpty()) {
            out.add(finding(Severity.ERROR, "spf.could-not-check").with("reason", "tree").with("domain", domain)
                    .with("failures", String.join("; ", tree.failures())).evidence(text));
        }
        List<SpfPolicyTree.Node> noRecord = new ArrayList<>();
        tree.collect(SpfPolicyTree.Status.NO_RECORD, noRecord);
        tree.collect(SpfPolicyTree.Status.SEVERAL_RECORDS, noRecord);
        tree.collect(SpfPolicyTree.Status.SYNTAX, noRecord);
        for (SpfPolicyTree.Node n : noRecord) {
            boolean top = tree.children().contains(n);
            out.add(finding(Severity.FAIL, "spf.include-no-spf").with("via", n.via()).with("target", n.domain())
                    .with("status", switch (n.status()) {
                        case SEVERAL_RECORDS -> "several";
                        case SYNTAX -> "syntax";
                        default -> "none";
                    }).with("top", top ? "yes" : "no").with("record", top ? withoutTerm(record, n.via()) : "")
                    .evidence(text));
        }
        if (tree.lookups() > maxLookups || tree.hasLoop()) {
            List<SpfPolicyTree.Node> costly = tree.children().stream()
                    .sorted(Comparator.comparingInt((SpfPolicyTree.Node n) -> -(1 + n.lookups()))).toList();
            // "include:x (3)": the term and what it costs, protocol text the same in every language.
            List<String> costs = costly.stream().map(n -> n.via() + " (" + (1 + n.lookups()) + ")").toList();
            int own = record.directLookups() - tree.children().size();
            out.add(finding(Severity.FAIL, "spf.too-many-lookups").with("domain", domain)
                    .with("loop", tree.hasLoop() ? "yes" : "no").with("lookups", tree.lookups()).with("limit", maxLookups)
                    .with("costs", String.join(", ", costs)).with("hasCosts", costs.isEmpty() ? "no" : "yes")
                    .with("own", own).evidence(text));
        }
        else if (tree.lookups() >= maxLookups - 1 && tree.lookups() > 0) {
            // Still passing, but one more include (or a provider growing its own) makes every message fail.
            List<Phrase> costs = tree.children().stream()
                    .sorted(Comparator.comparingInt((SpfPolicyTree.Node n) -> -(1 + n.lookups())))
                    .map(n -> Phrase.of("spf.lookup-cost").with("via", n.via()).with("cost", 1 + n.lookups())).toList();
            out.add(finding(Severity.WARN, "spf.lookups-near-limit").with("domain", domain).with("count", tree.lookups())
                    .with("limit", maxLookups).with("ranked", costs.isEmpty() ? "no" : "yes").with("costs", costs)
                    .evidence(text));
        }
        if (tree.voids().size() > maxVoids) {
            out.add(finding(Severity.FAIL, "spf.too-many-void-lookups").with("domain", domain)
                    .with("count", tree.voids().size()).with("limit", maxVoids).with("voids", String.join(", ", tree.voids()))
                    .with("record", withoutVoids(record, tree.voids())).evidence(text));
        }
    }

    private static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code).withArticle(ARTICLE);
    }

    private static String replaceTerm(SpfRecord record, Term term, String replacement) {
        StringBuilder out = new StringBuilder("v=spf1");
        for (Term t : record.terms()) {
            out.append(' ').append(t == term ? replacement : t.text());
        }
        return out.toString();
    }

    private static String without(SpfRecord record, MechanismKind kind) {
        StringBuilder out = new StringBuilder("v=spf1");
        for (Term t : record.terms()) {
            if (!(t instanceof Mechanism && ((Mechanism) t).kind() == kind)) {
                out.append(' ').append(t.text());
            }
        }
        return out.toString();
    }

    private static String withoutTerm(SpfRecord record, String termText) {
        StringBuilder out = new StringBuilder("v=spf1");
        for (Term t : record.terms()) {
            if (!t.text().equals(termText)) {
                out.append(' ').append(t.text());
            }
        }
        return out.toString();
    }

    private static String withoutVoids(SpfRecord record, List<String> voids) {
        StringBuilder out = new StringBuilder("v=spf1");
        for (Term t : record.terms()) {
            boolean isVoid = voids.stream().anyMatch(v -> v.startsWith(t.text() + " ("));
            if (!isVoid) {
                out.append(' ').append(t.text());
            }
        }
        return out.toString();
    }

    /** One record with every term of several, mechanisms first, the first "all" last. */
    static String merged(List<String> records) {
        Set<String> terms = new LinkedHashSet<>();
        String all = null;
        String redirect = null;
        for (String r : records) {
            for (String term : r.substring(6).trim().split(" +")) {
                if (term.isEmpty()) {
                    continue;
                }
                String bare = term.replaceFirst("^[-+~?]", "").toLowerCase(Locale.ROOT);
                if (bare.equals("all")) {
                    all = all == null ? term : all;
                } else if (bare.startsWith("redirect=")) {
                    redirect = redirect == null ? term : redirect;
                } else {
                    terms.add(term);
                }
            }
        }
        StringBuilder out = new StringBuilder("v=spf1");
        terms.forEach(t -> out.append(' ').append(t));
        if (all != null) {
            out.append(' ').append(all.startsWith("+") || all.equalsIgnoreCase("all") ? "~all" : all);
        } else if (redirect != null) {
            out.append(' ').append(redirect);
        } else {
            out.append(" ~all");
        }
        return out.toString();
    }
}
