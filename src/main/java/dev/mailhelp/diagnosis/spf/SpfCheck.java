package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.diagnosis.Finding;
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
public final class SpfCheck {

    public static final String CHECK = "spf";
    public static final String ARTICLE = "spf";

    private final DnsClient dns;
    private final int maxLookups;
    private final int maxVoids;

    public SpfCheck(DnsClient dns) {
        this(dns, SpfSettings.defaults());
    }

    public SpfCheck(DnsClient dns, SpfSettings settings) {
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
            return CompletableFuture.completedFuture(List.of(new Finding(CHECK, Severity.ERROR, "spf.could-not-check",
                    "'" + domain + "' is not a domain name SPF can be checked for", domain,
                    "Give a domain such as example.com.", ARTICLE)));
        }
        String dom = d;
        CompletableFuture<DnsResult> txt = dns.query(name, Type.TXT);
        CompletableFuture<DnsResult> type99 = dns.query(name, Type.SPF);
        return txt.thenCombine(type99, (t, s) -> new Object[] {t, s})
                .thenCompose(pair -> lint(dom, (DnsResult) pair[0], (DnsResult) pair[1]))
                .exceptionally(e -> List.of(new Finding(CHECK, Severity.ERROR, "spf.could-not-check",
                        "The SPF check of " + dom + " failed unexpectedly: " + e, "", "", ARTICLE)));
    }

    private CompletableFuture<List<Finding>> lint(String domain, DnsResult txt, DnsResult type99) {
        List<Finding> out = new ArrayList<>();
        if (txt instanceof DnsResult.Failure) {
            DnsResult.Failure f = (DnsResult.Failure) txt;
            out.add(new Finding(CHECK, Severity.ERROR, "spf.could-not-check",
                    "Could not read the TXT records of " + domain + ": the DNS lookup failed (" + f.kind().id()
                            + (f.detail().isEmpty() ? "" : ", " + f.detail()) + "), so it is unknown whether an SPF record exists.",
                    "TXT " + domain + ": " + f.kind().id(),
                    "Try again later; if it keeps failing, check that the domain's name servers answer.", ARTICLE));
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
            out.add(new Finding(CHECK, Severity.FAIL, "spf.missing",
                    domain + " publishes no SPF record" + (txt instanceof DnsResult.NxDomain
                            ? " (the name does not exist in DNS)" : "")
                            + ", so receivers cannot tell which servers may send its mail.",
                    txt instanceof DnsResult.NxDomain ? "NXDOMAIN " + domain : "no TXT record starting with v=spf1 at " + domain,
                    "Publish one TXT record at " + domain + " listing the servers that send its mail, e.g. "
                            + "\"v=spf1 mx ~all\" plus the include: of each sending service "
                            + "(Google Workspace: include:_spf.google.com, Microsoft 365: include:spf.protection.outlook.com).",
                    ARTICLE));
            return CompletableFuture.completedFuture(out);
        }
        if (texts.size() > 1) {
            out.add(new Finding(CHECK, Severity.FAIL, "spf.multiple-records",
                    domain + " publishes " + texts.size() + " SPF records; receivers treat that as a permanent "
                            + "error (permerror) and SPF fails for all its mail.",
                    String.join("\n", texts),
                    "Delete them and publish one merged TXT record at " + domain + ": " + merged(texts), ARTICLE));
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
            out.add(new Finding(CHECK, Severity.WARN, "spf.ptr-mechanism",
                    "The record uses 'ptr', which RFC 7208 says not to use: it is slow, costs extra lookups, and "
                            + "some receivers ignore it.",
                    text, "List the sending servers by address or name instead; publish: "
                            + without(record, MechanismKind.PTR) + " (add ip4:/a: for the servers 'ptr' covered)", ARTICLE));
        }
        return new SpfPolicyTree(dns).walk(domain, record).thenApply(tree -> {
            treeFindings(domain, text, record, tree, out);
            if (out.stream().noneMatch(f -> f.severity() != Severity.OK && f.severity() != Severity.INFO)) {
                out.add(new Finding(CHECK, Severity.OK, "spf.ok",
                        domain + " publishes one valid SPF record using " + tree.lookups() + " of " + maxLookups
                                + " DNS lookups" + endingNote(record) + ".", text, "", ARTICLE));
            }
            return out;
        });
    }

    private static String endingNote(SpfRecord record) {
        for (Mechanism m : record.mechanisms()) {
            if (m.kind() == MechanismKind.ALL) {
                return ", ending in " + m.qualifier().symbol() + "all";
            }
        }
        return record.redirect() != null ? ", ending in " + record.redirect().text() : "";
    }

    private static Finding syntax(String domain, String text, SpfSyntaxException e) {
        int pos = Math.max(0, Math.min(e.position(), text.length()));
        String pointer = text + "\n" + " ".repeat(pos) + "^";
        return new Finding(CHECK, Severity.FAIL, "spf.syntax",
                "The SPF record of " + domain + " has a syntax error at character " + (pos + 1) + ": " + e.getMessage()
                        + ". Receivers treat the whole record as a permanent error (permerror).",
                pointer, SyntaxRepair.repaired(text).map(r -> "Publish: " + r)
                        .orElse("Correct the term at character " + (pos + 1) + " and republish the record; each term "
                        + "is a mechanism (all, include:, a, mx, ip4:, ip6:, exists:) with an optional + - ~ ? in "
                        + "front, or a modifier (redirect=, exp=), separated by single spaces."), ARTICLE);
    }

    /** Several strings glued into a broken record, literal quotes, or a string over 255 octets. */
    private static java.util.Optional<Finding> splitFinding(String domain, TXTRecord published, String text,
                                                            boolean brokenSyntax) {
        List<byte[]> strings = published.getStringsAsByteArrays();
        String cleaned = text.replace("\" \"", "").replace("\"", "").replaceAll(" {2,}", " ").trim();
        if (text.contains("\"")) {
            return java.util.Optional.of(new Finding(CHECK, Severity.FAIL, "spf.string-split",
                    "The SPF record of " + domain + " contains quote characters: the record was entered with its "
                            + "quotes (\"...\" \"...\"), which DNS stores as part of the text.",
                    quoted(strings), "Publish the text without quotes, split into strings of at most 255 characters "
                    + "that the DNS host joins without spaces: " + quoted(chunks(cleaned)), ARTICLE));
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
            return java.util.Optional.of(new Finding(CHECK, Severity.FAIL, "spf.string-split",
                    "The SPF record of " + domain + " is split into " + strings.size() + " strings that DNS joins "
                            + "without spaces, which glues two terms together and breaks the record.",
                    quoted(strings) + "\njoined: " + text,
                    "Publish it with a space at the end of each string but the last (strings of at most 255 "
                            + "characters): " + quoted(chunks(spaced.toString())), ARTICLE));
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
        String note = txtRecords.isEmpty()
                ? " There is no TXT SPF record, and receivers read only TXT, so for them the domain has no SPF at all."
                : " Receivers read only the TXT record; keeping two copies invites them to drift apart.";
        return java.util.Optional.of(new Finding(CHECK, Severity.WARN, "spf.type99-record",
                domain + " publishes a record of the obsolete DNS type SPF (99), which RFC 7208 retired." + note,
                "SPF " + String.join("\n", texts),
                txtRecords.isEmpty()
                        ? "Publish the same text as a TXT record at " + domain + " and delete the type SPF record."
                        : "Delete the type SPF record; keep the TXT record.", ARTICLE));
    }

    private static java.util.Optional<Finding> allFindings(String domain, SpfRecord record) {
        Mechanism all = record.mechanisms().stream().filter(m -> m.kind() == MechanismKind.ALL)
                .findFirst().orElse(null);
        if (all == null) {
            if (record.redirect() != null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Finding(CHECK, Severity.WARN, "spf.neutral-all",
                    "The SPF record of " + domain + " does not end in an 'all' mechanism, so mail from any other "
                            + "server gets 'neutral': SPF does not say it is unauthorised.",
                    record.text(), "Publish: " + record.text() + " ~all", ARTICLE));
        }
        if (all.qualifier() == Qualifier.PASS) {
            return java.util.Optional.of(new Finding(CHECK, Severity.FAIL, "spf.plus-all",
                    "The SPF record of " + domain + " ends in '" + all.text() + "', which authorises every server on "
                            + "the internet to send as " + domain + ".",
                    record.text(), "Publish: " + replaceTerm(record, all, "~all")
                    + " (or -all once every sending service is listed)", ARTICLE));
        }
        if (all.qualifier() == Qualifier.NEUTRAL) {
            return java.util.Optional.of(new Finding(CHECK, Severity.WARN, "spf.neutral-all",
                    "The SPF record of " + domain + " ends in '?all': other servers get 'neutral', so the record "
                            + "protects nothing.",
                    record.text(), "Publish: " + replaceTerm(record, all, "~all"), ARTICLE));
        }
        return java.util.Optional.empty();
    }

    private void treeFindings(String domain, String text, SpfRecord record, SpfPolicyTree.Node tree,
                              List<Finding> out) {
        if (!tree.failures().isEmpty()) {
            out.add(new Finding(CHECK, Severity.ERROR, "spf.could-not-check",
                    "Some lookups the SPF record of " + domain + " needs failed, so the lookup count and the "
                            + "included records could not all be checked: " + String.join("; ", tree.failures()),
                    text, "Try again later; if it keeps failing, the included domain's name servers are broken and "
                    + "receivers will get temperror for your mail.", ARTICLE));
        }
        List<SpfPolicyTree.Node> noRecord = new ArrayList<>();
        tree.collect(SpfPolicyTree.Status.NO_RECORD, noRecord);
        tree.collect(SpfPolicyTree.Status.SEVERAL_RECORDS, noRecord);
        tree.collect(SpfPolicyTree.Status.SYNTAX, noRecord);
        for (SpfPolicyTree.Node n : noRecord) {
            boolean top = tree.children().contains(n);
            String fix = top
                    ? "Remove '" + n.via() + "' or correct the domain name (check your sending service's documentation "
                    + "for its current include); without it publish: " + withoutTerm(record, n.via())
                    : "The broken record belongs to " + n.domain() + ", included through your record; ask that "
                    + "provider to fix it, or stop including it.";
            out.add(new Finding(CHECK, Severity.FAIL, "spf.include-no-spf",
                    "'" + n.via() + "' points to " + n.domain() + ", which has no usable SPF record (" + n.detail()
                            + "); receivers give permerror when they reach it.", text, fix, ARTICLE));
        }
        if (tree.lookups() > maxLookups || tree.hasLoop()) {
            List<SpfPolicyTree.Node> costly = tree.children().stream()
                    .sorted(Comparator.comparingInt((SpfPolicyTree.Node n) -> -(1 + n.lookups()))).toList();
            String costs = costly.stream().map(n -> n.via() + " costs " + (1 + n.lookups()))
                    .collect(Collectors.joining(", "));
            int own = record.directLookups() - tree.children().size();
            String message = tree.hasLoop()
                    ? "The SPF record of " + domain + " includes itself in a loop, so receivers run past the limit of "
                    + maxLookups + " DNS lookups and give permerror."
                    : "The SPF record of " + domain + " needs " + tree.lookups() + " DNS lookups; receivers stop at "
                    + maxLookups + " and give permerror, so SPF fails for all its mail.";
            out.add(new Finding(CHECK, Severity.FAIL, "spf.too-many-lookups",
                    message + (costs.isEmpty() ? "" : " Costliest first: " + costs + ".")
                            + (own > 0 ? " Its own a/mx/ptr/exists terms cost " + own + "." : ""),
                    text, "Get to " + maxLookups + " or fewer: remove includes of services you no longer use, "
                    + "replace 'a', 'mx' and 'ptr' with ip4:/ip6: ranges, and replace the costliest include with the "
                    + "ip4:/ip6: ranges its provider publishes (or a flattening service that keeps them current).",
                    ARTICLE));
        }
        else if (tree.lookups() >= maxLookups - 1 && tree.lookups() > 0) {
            // Still passing, but one more include (or a provider growing its own) makes every message fail.
            String costs = tree.children().stream()
                    .sorted(Comparator.comparingInt((SpfPolicyTree.Node n) -> -(1 + n.lookups())))
                    .map(n -> n.via() + " costs " + (1 + n.lookups())).collect(Collectors.joining(", "));
            out.add(new Finding(CHECK, Severity.WARN, "spf.lookups-near-limit",
                    "The SPF record of " + domain + " needs " + tree.lookups() + " of the " + maxLookups
                            + " DNS lookups receivers allow; one more include, or a provider adding one to its own"
                            + " record, makes SPF fail for all its mail." + (costs.isEmpty() ? "" : " Costliest first: " + costs + "."),
                    text, "Make room before it breaks: remove includes of services you no longer use, replace 'a', 'mx'"
                    + " and 'ptr' with ip4:/ip6: ranges, or replace the costliest include with the ranges its provider"
                    + " publishes.", ARTICLE));
        }
        if (tree.voids().size() > maxVoids) {
            out.add(new Finding(CHECK, Severity.FAIL, "spf.too-many-void-lookups",
                    "The SPF record of " + domain + " has " + tree.voids().size() + " lookups that find nothing; "
                            + "receivers give permerror after " + maxVoids + ": " + String.join(", ", tree.voids()) + ".",
                    text, "Remove the terms that name domains without the records they look for: publish "
                    + withoutVoids(record, tree.voids()), ARTICLE));
        }
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
