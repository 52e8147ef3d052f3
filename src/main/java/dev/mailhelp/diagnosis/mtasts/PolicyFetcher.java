package dev.mailhelp.diagnosis.mtasts;

import java.util.concurrent.CompletableFuture;

/** Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}; never completes exceptionally. */
@FunctionalInterface
public interface PolicyFetcher {

    CompletableFuture<PolicyFetch> fetch(String domain);
}
