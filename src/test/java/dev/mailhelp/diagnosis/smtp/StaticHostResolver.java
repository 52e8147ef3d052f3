package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A resolver whose answers the test decides: name -> address literals; counts lookups (to show there is only one). */
final class StaticHostResolver implements HostResolver {

    private final Map<String, List<String>> answers;
    final AtomicInteger lookups = new AtomicInteger();

    StaticHostResolver(Map<String, List<String>> answers) {
        this.answers = answers;
    }

    @Override
    public CompletionStage<List<InetAddress>> resolve(String name) {
        lookups.incrementAndGet();
        List<String> literals = answers.get(name);
        if (literals == null) {
            return CompletableFuture.failedFuture(new HostResolutionException(
                    HostResolutionException.Kind.NOT_FOUND, "The name " + name + " was not found in DNS."));
        }
        List<InetAddress> out = new ArrayList<>();
        for (String l : literals) {
            try {
                out.add(InetAddress.getByName(l)); // literals only: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(l, e);
            }
        }
        return CompletableFuture.completedFuture(out);
    }
}
