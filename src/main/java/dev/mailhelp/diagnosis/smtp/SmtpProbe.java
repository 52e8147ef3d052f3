package dev.mailhelp.diagnosis.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Probes an SMTP server the way a mail program would meet it, without logging in: vet the
 * target's addresses, then talk to each port concurrently (see {@link PortDialogue}). Each port's
 * dialogue is cut after the total timeout.
 */
public final class SmtpProbe {

    private final AddressGuard guard;
    private final HostResolver resolver;
    private final ProbeSettings settings;
    private final Executor blockingIo;

    /**
     * @param blockingIo runs the socket dialogues (blocking I/O, one thread per port while it runs);
     *                   a cached pool of daemon threads suits it
     */
    public SmtpProbe(AddressGuard guard, HostResolver resolver, ProbeSettings settings, Executor blockingIo) {
        this.guard = guard;
        this.resolver = resolver;
        this.settings = settings;
        this.blockingIo = blockingIo;
    }

    public AddressGuard guard() {
        return guard;
    }

    /** Never completes exceptionally. {@code onPort} is told as each port finishes (from I/O threads). */
    public CompletionStage<SmtpProbeResult> probe(ProbeRequest request, Consumer<PortProbeResult> onPort) {
        long start = System.nanoTime();
        for (PortPlan plan : request.ports()) {
            String refused = guard.refusePort(plan.port());
            if (refused != null) {
                return CompletableFuture.completedFuture(new SmtpProbeResult(request.target(),
                        new Vetting.Refused(request.target(), refused, request.target().host() + ":" + plan.port()),
                        List.of(), elapsed(start)));
            }
        }
        return guard.vet(request.target(), resolver).thenCompose(vetting -> {
            if (!(vetting instanceof Vetting.Allowed allowed)) {
                return CompletableFuture.completedFuture(
                        new SmtpProbeResult(request.target(), vetting, List.of(), elapsed(start)));
            }
            List<CompletableFuture<PortProbeResult>> runs = new ArrayList<>();
            for (PortPlan plan : request.ports()) {
                runs.add(runPort(allowed, plan).whenComplete((r, e) -> {
                    if (r != null) {
                        onPort.accept(r);
                    }
                }));
            }
            return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(v ->
                    new SmtpProbeResult(request.target(), vetting, runs.stream().map(CompletableFuture::join).toList(),
                            elapsed(start)));
        }).exceptionally(e -> new SmtpProbeResult(request.target(), new Vetting.Unresolved(request.target(),
                HostResolutionException.Kind.FAILED, "The probe failed: " + e.getMessage()), List.of(), elapsed(start)));
    }

    private CompletableFuture<PortProbeResult> runPort(Vetting.Allowed allowed, PortPlan plan) {
        PortDialogue dialogue = new PortDialogue(allowed.target(), allowed.addresses(), plan, settings);
        return CompletableFuture.supplyAsync(dialogue::run, blockingIo)
                .completeOnTimeout(null, settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((r, error) -> {
                    if (r != null) {
                        return r;
                    }
                    if (error != null) {
                        dialogue.abort();
                        return dialogue.failed(error);
                    }
                    // Snapshot first: closing the sockets makes the dialogue thread record failures of its own
                    // making ("socket closed"), which must not be blamed on the server.
                    PortProbeResult cut = dialogue.snapshot(true);
                    dialogue.abort();
                    return cut;
                });
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
