package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.network.NetworkOwnerLookup;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.input.InputError;
import dev.mailhelp.input.InputProblem;
import dev.mailhelp.input.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Queries addresses and domains against the lists of the catalogue: every list concurrently,
 * each with its own timeout, through one {@link DnsClient}; the TXT reason is fetched for
 * listings; lists failing their RFC 5782 test points are reported unusable. Thread-safe; one
 * instance is meant to live as long as the application (it keeps the test-point verdicts).
 */
public final class BlocklistChecker {

    /** The check name of every blocklist finding. */
    public static final String CHECK = BlocklistFindings.CHECK;

    private final DnsClient dns;
    private final BlocklistCatalogue catalogue;
    /** A list key as it can stand in a query name: letters, digits and hyphens, one DNS label. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private final BlocklistSettings settings;
    private final Map<String, String> env;
    private final ConcurrencyLimit limit;
    private final TestPointVerdicts testPoints;
    private final NetworkOwnerLookup owners;

    /**
     * @param env the environment, for list keys such as {@code MAILHELP_SPAMHAUS_DQS_KEY}
     */
    public BlocklistChecker(DnsClient dns, BlocklistCatalogue catalogue, BlocklistSettings settings, Map<String, String> env) {
        this(dns, catalogue, settings, env, System::nanoTime);
    }

    BlocklistChecker(DnsClient dns, BlocklistCatalogue catalogue, BlocklistSettings settings, Map<String, String> env,
                     LongSupplier clock) {
        this.dns = dns;
        this.catalogue = catalogue;
        this.settings = settings;
        this.env = Map.copyOf(env);
        this.limit = new ConcurrencyLimit(settings.maxConcurrentQueries());
        this.testPoints = new TestPointVerdicts(dns, settings.testPointInterval(), clock);
        this.owners = new NetworkOwnerLookup(dns);
        for (Blocklist list : catalogue.lists()) {
            // A key goes into a DNS name as one label; anything else is a configuration mistake
            // (a pasted URL, quotes, spaces), refused at start with the variable's name, never the key.
            list.key(env).filter(k -> !KEY.matcher(k).matches()).ifPresent(k -> {
                throw new InvalidInputException(InputError.of(InputProblem.BAD_LIST_KEY, list.keyEnv()));
            });
        }
        for (String id : settings.listIds()) {
            if (catalogue.byId(id).isEmpty()) {
                throw new dev.mailhelp.config.SettingException("cli.check.ip.unknown-list", "id", id,
                        "known", catalogue.lists().stream().map(Blocklist::id).toList());
            }
        }
    }

    public BlocklistSettings settings() {
        return settings;
    }

    /** The lists this checker queries: those named in the settings, else the default-on ones whose key is set. */
    public List<Blocklist> lists(Blocklist.Kind kind) {
        List<Blocklist> chosen = settings.listIds().isEmpty() ? catalogue.defaults(env)
                : settings.listIds().stream().map(id -> catalogue.byId(id).orElseThrow()).collect(Collectors.toList());
        return chosen.stream().filter(b -> b.kind() == kind).filter(b -> b.usable(env)).collect(Collectors.toList());
    }

    /** Why this address is not worth checking (private, reserved...), or empty; honours the settings. */
    public Optional<String> whyNotCheckable(InetAddress address) {
        return settings.allowNonPublicAddresses() ? Optional.empty() : ReservedRanges.reason(address);
    }

    /** The kind of a non-public address ({@link ReservedRanges#kind}), for findings; empty when it can be checked. */
    public Optional<String> notCheckableKind(InetAddress address) {
        return settings.allowNonPublicAddresses() ? Optional.empty() : ReservedRanges.kind(address);
    }

    /** One result per IP list for the address; the future never fails. */
    public CompletableFuture<List<ListResult>> checkAddress(InetAddress address, ProgressListener progress) {
        String target = address.getHostAddress();
        List<Blocklist> lists = lists(Blocklist.Kind.IP);
        Counter counter = new Counter(progress, lists.size());
        List<CompletableFuture<ListResult>> all = new ArrayList<>();
        for (Blocklist list : lists) {
            CompletableFuture<ListResult> one;
            if (address instanceof Inet6Address && !list.ipv6()) {
                one = CompletableFuture.completedFuture(new ListResult.NotCovered(list, target,
                        "it lists IPv4 addresses only, so an answer would not mean 'clean'"));
            } else {
                Name zone = list.effectiveZone(env);
                one = checkOne(list, target, ReverseNames.under(address, zone), zone);
            }
            all.add(one.thenApply(r -> counter.done(r, env)));
        }
        return allOf(all);
    }

    /** One result per domain list for the domain; the future never fails. */
    public CompletableFuture<List<ListResult>> checkDomainName(Name domain, ProgressListener progress) {
        String target = domain.toString(true);
        List<Blocklist> lists = lists(Blocklist.Kind.DOMAIN);
        Counter counter = new Counter(progress, lists.size());
        List<CompletableFuture<ListResult>> all = new ArrayList<>();
        for (Blocklist list : lists) {
            Name zone = list.effectiveZone(env);
            Name query;
            try {
                query = Name.concatenate(domain.relativize(Name.root), zone);
            } catch (NameTooLongException e) {
                all.add(CompletableFuture.completedFuture(counter.done(new ListResult.CouldNotCheck(list, target,
                        domain + "." + zone, "the domain is too long to be queried under " + zone), env)));
                continue;
            }
            all.add(checkOne(list, target, query, zone).thenApply(r -> counter.done(r, env)));
        }
        return allOf(all);
    }

    /**
     * The blocklist part of a domain report (check name {@code blocklist}): the domain on the
     * domain lists, plus the addresses its top-level SPF record names (ip4/ip6 single addresses,
     * a and mx hosts; includes and redirects are not followed, and a finding says so) and its MX
     * hosts' addresses, at most {@link BlocklistSettings#maxAddresses()} of them (a finding says
     * when more were found), each on the IP lists. Never fails.
     */
    public CompletableFuture<List<Finding>> checkDomain(Name domain, ProgressListener progress) {
        CompletableFuture<List<ListResult>> onDomainLists = checkDomainName(domain, progress);
        CompletableFuture<Checked> onIpLists = new SendingAddresses(dns).discover(domain).thenCompose(found -> {
            List<Finding> notes = new ArrayList<>(found.notes());
            List<SendingAddresses.Source> checkable = new ArrayList<>();
            for (SendingAddresses.Source s : found.addresses()) {
                Optional<String> why = notCheckableKind(s.address());
                if (why.isPresent()) {
                    notes.add(Finding.of(BlocklistFindings.CHECK, Severity.INFO, "blocklist.address-skipped")
                            .with("address", s.address().getHostAddress()).with("from", s.from())
                            .with("kind", BlocklistFindings.addressKind(why.get())));
                } else {
                    checkable.add(s);
                }
            }
            if (checkable.size() > settings.maxAddresses()) {
                notes.add(Finding.of(BlocklistFindings.CHECK, Severity.INFO, "blocklist.addresses-cut")
                        .with("shown", settings.maxAddresses()).with("found", checkable.size()).evidence(
                        checkable.subList(settings.maxAddresses(), checkable.size()).stream()
                                .map(s -> s.address().getHostAddress() + " (" + s.from() + ")").collect(Collectors.joining(", "))));
                checkable = checkable.subList(0, settings.maxAddresses());
            }
            if (!checkable.isEmpty()) {
                notes.add(Finding.of(BlocklistFindings.CHECK, Severity.INFO, "blocklist.addresses")
                        .with("count", checkable.size()).evidence(checkable.stream()
                                .map(s -> s.address().getHostAddress() + " (" + s.from() + ")")
                                .collect(Collectors.joining("\n"))));
            }
            List<CompletableFuture<List<ListResult>>> perAddress = new ArrayList<>();
            for (SendingAddresses.Source s : checkable) {
                perAddress.add(checkAddress(s.address(), progress));
            }
            return CompletableFuture.allOf(perAddress.toArray(new CompletableFuture[0])).thenApply(v -> {
                List<ListResult> results = new ArrayList<>();
                perAddress.forEach(f -> results.addAll(f.join()));
                return new Checked(notes, results);
            });
        });
        // one summary over the domain and every address, so failures sharing a cause are one finding
        return onDomainLists.thenCombine(onIpLists, (a, b) -> {
            List<ListResult> all = new ArrayList<>(a);
            all.addAll(b.results());
            List<Finding> out = new ArrayList<>(b.notes());
            out.addAll(findings(all));
            return out;
        }).exceptionally(e -> List.of(Finding.of(BlocklistFindings.CHECK, Severity.ERROR, "blocklist.could-not-check")
                .with("reason", "failed").with("targets", domain.toString(true)).with("count", 0).with("names", "")
                .with("answered", 0).with("asked", 0).evidence(String.valueOf(e))));
    }

    /**
     * The network that owns the address (issue #16), an optional detail asked through the same
     * resolver beside the lists: finding {@code network.owner}, or {@code network.owner-unknown}
     * (information, never "could not check") when the lookup fails or runs out of time. Never fails.
     */
    public CompletableFuture<Finding> networkOwner(InetAddress address) {
        return owners.find(address);
    }

    /** Findings for one address, as {@link #checkAddress} gives them. */
    public CompletableFuture<List<Finding>> addressFindings(InetAddress address, ProgressListener progress) {
        return checkAddress(address, progress).thenApply(this::findings);
    }

    /** One finding per list that answered; failures grouped by cause; unusable lists once (see BlocklistFindings). */
    public List<Finding> findings(List<ListResult> results) {
        return BlocklistFindings.summarise(results, env);
    }

    private record Checked(List<Finding> notes, List<ListResult> results) { }

    private CompletableFuture<ListResult> checkOne(Blocklist list, String target, Name query, Name zone) {
        String queryText = query.toString();
        CompletableFuture<TestPointVerdicts.Verdict> verdict = testPoints.verdict(list, zone);
        CompletableFuture<ListResult> answer = limit.submit(() -> dns.query(query, Type.A)).thenCompose(result -> {
            AnswerReading.Reading reading = AnswerReading.read(list, result);
            if (reading instanceof AnswerReading.NotListed) {
                return done(new ListResult.NotListed(list, target, queryText));
            }
            if (reading instanceof AnswerReading.Untrusted) {
                AnswerReading.Untrusted u = (AnswerReading.Untrusted) reading;
                return done(new ListResult.CouldNotCheck(list, target, queryText, u.reason(), u.cause()));
            }
            List<ListResult.Match> matches = ((AnswerReading.Listed) reading).matches();
            return limit.submit(() -> dns.query(query, Type.TXT)).thenApply(txt ->
                    (ListResult) new ListResult.Listed(list, target, queryText, matches, txtText(txt)));
        });
        CompletableFuture<ListResult> combined = answer.thenCombine(verdict, (r, v) -> {
            if (v instanceof TestPointVerdicts.Unusable) {
                return new ListResult.Unusable(list, target, ((TestPointVerdicts.Unusable) v).reason());
            }
            return r;
        });
        return combined
                .exceptionally(e -> new ListResult.CouldNotCheck(list, target, queryText, "internal error: " + e))
                .completeOnTimeout(new ListResult.CouldNotCheck(list, target, queryText, "no complete answer within "
                        + settings.perListTimeout().toMillis() + " ms", ListResult.Cause.NO_ANSWER),
                        settings.perListTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String txtText(DnsResult result) {
        if (!(result instanceof DnsResult.Answer)) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        for (Record r : ((DnsResult.Answer) result).records()) {
            if (r instanceof TXTRecord) {
                texts.add(String.join("", ((TXTRecord) r).getStrings()));
            }
        }
        return String.join(" | ", texts);
    }

    private static CompletableFuture<ListResult> done(ListResult r) {
        return CompletableFuture.completedFuture(r);
    }

    private static CompletableFuture<List<ListResult>> allOf(List<CompletableFuture<ListResult>> all) {
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0]))
                .thenApply(v -> all.stream().map(CompletableFuture::join).collect(Collectors.toList()));
    }

    /** Reports each finished list to the progress listener. */
    private static final class Counter {
        private final ProgressListener progress;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Counter(ProgressListener progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        ListResult done(ListResult r, Map<String, String> env) {
            try {
                progress.partDone(r.list().name(), done.incrementAndGet(), total, List.of(BlocklistFindings.of(r, env)));
            } catch (RuntimeException ignored) {
                // a broken progress display must not break the check
            }
            return r;
        }
    }
}
