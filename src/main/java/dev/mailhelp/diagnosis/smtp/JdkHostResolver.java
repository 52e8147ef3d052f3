package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Resolves through the operating system (what the user's mail program would see). The JDK's
 * lookup cannot be cancelled, so it runs on the given executor and the answer is abandoned after
 * the timeout.
 */
public final class JdkHostResolver implements HostResolver {

    private final Executor executor;
    private final Duration timeout;

    public JdkHostResolver(Executor executor, Duration timeout) {
        this.executor = executor;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<List<InetAddress>> resolve(String name) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(new HostResolutionException(
                        HostResolutionException.Kind.NOT_FOUND, "The name " + name + " was not found in DNS."));
            }
        }, executor).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                cause = new HostResolutionException(HostResolutionException.Kind.FAILED,
                        "Looking up " + name + " took longer than " + timeout.toSeconds() + " s.");
            }
            return CompletableFuture.failedFuture(cause);
        });
    }
}
