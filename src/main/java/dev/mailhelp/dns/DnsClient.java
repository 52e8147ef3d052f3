package dev.mailhelp.dns;

import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;

/**
 * Asynchronous DNS questions. Implementations run independent questions concurrently, cache
 * answers for their TTL, time out and retry, and never complete the future exceptionally: every
 * problem is a {@link DnsResult.Failure}.
 */
public interface DnsClient {

    /** Ask for records of {@code type} (an {@link org.xbill.DNS.Type} constant) at an absolute name. */
    CompletableFuture<DnsResult> query(Name name, int type);
}
