package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.diagnosis.Outcome;
import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.ReverseNames;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The conversation's blocklist check of one sending IP (fact {@code ip}). Outcome {@code listed}
 * when any list lists it, else {@code clean} when at least one list answered (the verdict rests on
 * the lists that answered, and says how many did; lists that could not be asked or are unusable
 * are reported but do not decide), else {@code error} (no list answered, or the address is not a
 * public one).
 */
public final class BlocklistIpCheck implements Check {

    public static final String ID = "blocklist-ip";
    /** Outcomes: some list lists the address; the lists that answered do not. */
    public static final String LISTED = "listed";
    public static final String CLEAN = "clean";

    private final BlocklistChecker checker;

    public BlocklistIpCheck(BlocklistChecker checker) {
        this.checker = checker;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> requiredFacts() {
        return Set.of(Fact.IP);
    }

    @Override
    public Set<String> outcomes() {
        return Set.of(LISTED, CLEAN, Outcome.ERROR);
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        String text = request.fact("ip").orElse("");
        InetAddress address;
        try {
            address = ReverseNames.parseAddress(text);
        } catch (IllegalArgumentException e) {
            return error(Finding.of(BlocklistFindings.CHECK, Severity.ERROR, "blocklist.bad-address").with("input", text)
                    .evidence(text));
        }
        Optional<String> why = checker.notCheckableKind(address);
        if (why.isPresent()) {
            return error(Finding.of(BlocklistFindings.CHECK, Severity.ERROR, "blocklist.not-public")
                    .with("address", address.getHostAddress()).with("kind", BlocklistFindings.addressKind(why.get()))
                    .evidence(text));
        }
        // Started together: the owner's time budget runs beside the lists, never after them.
        CompletableFuture<Finding> owner = checker.networkOwner(address);
        return checker.checkAddress(address, progress).thenCombine(owner, (results, ownerFinding) -> {
            List<Finding> findings = new ArrayList<>(checker.findings(results));
            findings.add(ownerFinding);
            long listed = results.stream().filter(r -> r instanceof ListResult.Listed).count();
            long answered = results.stream()
                    .filter(r -> r instanceof ListResult.Listed || r instanceof ListResult.NotListed).count();
            long unchecked = results.stream()
                    .filter(r -> r instanceof ListResult.CouldNotCheck || r instanceof ListResult.Unusable).count();
            String outcome = listed > 0 ? "listed" : answered > 0 ? "clean" : "error";
            dev.mailhelp.diagnosis.Phrase headline = dev.mailhelp.diagnosis.Phrase.of("headline.blocklist")
                    .with("state", listed > 0 ? "listed" : answered == 0 ? "unasked" : unchecked > 0 ? "partly" : "clean")
                    .with("ip", address.getHostAddress()).with("listed", listed).with("answered", answered)
                    .with("unchecked", unchecked);
            return new CheckOutcome(outcome, findings, Map.of("ip", address.getHostAddress()), headline);
        });
    }

    private static CompletionStage<CheckOutcome> error(Finding finding) {
        // No English headline: every front end shows the finding, rendered in the reader's language.
        return CompletableFuture.completedFuture(new CheckOutcome("error", List.of(finding), Map.of(), ""));
    }
}
