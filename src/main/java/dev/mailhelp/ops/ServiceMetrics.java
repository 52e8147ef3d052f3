package dev.mailhelp.ops;

import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.DnsResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The service's metrics in one Micrometer registry, scraped as Prometheus text from
 * {@code /metrics}. Every label value comes from a fixed set (interaction kinds, check ids,
 * outcomes, DNS result kinds, catalogue list ids): never a domain, an address or a user.
 */
public final class ServiceMetrics {

    /** Acknowledgement latency buckets around Discord's 3 s deadline and our 100 ms target. */
    private static final Duration[] ACK_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3)};
    private static final Duration[] DNS_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer ackLatency;

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ackLatency = Timer.builder("mailhelp.discord.ack.latency")
                .description("Time from an interaction's creation to its acknowledgement")
                .serviceLevelObjectives(ACK_BUCKETS).register(registry);
    }

    /** One interaction received, by kind (a subcommand or component action name). */
    public void interaction(String kind) {
        Counter.builder("mailhelp.discord.interactions").description("Interactions received, by kind")
                .tag("kind", kind).register(registry).increment();
    }

    public void acknowledged(Duration latency) {
        ackLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** Discord answered a request of ours with HTTP 429. */
    public void rateLimited() {
        Counter.builder("mailhelp.discord.rest.ratelimited").description("Discord REST answers with HTTP 429")
                .register(registry).increment();
    }

    /** A check finished: counted by check id and by ok / problems / could-not-check. */
    public void checkFinished(String check, CheckOutcome outcome) {
        Counter.builder("mailhelp.checks").description("Checks run, by check and outcome")
                .tag("check", check).tag("outcome", outcomeOf(outcome.findings())).register(registry).increment();
    }

    static String outcomeOf(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.FAIL || f.severity() == Severity.WARN)) {
            return "problems";
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? "could-not-check" : "ok";
    }

    /** A DNS question answered (or not): latency and result kind; {@code list} names the blocklist when it was one's zone. */
    public void dnsQuery(Duration latency, DnsResult result, String list) {
        String kind = result instanceof DnsResult.Failure failure ? failure.kind().id()
                : result instanceof DnsResult.NxDomain ? "nxdomain" : result instanceof DnsResult.NoData ? "nodata" : "answer";
        Timer.builder("mailhelp.dns.query").description("DNS questions, by result")
                .tag("result", kind).serviceLevelObjectives(DNS_BUCKETS).register(registry).record(latency);
        if (result instanceof DnsResult.Failure && list != null) {
            Counter.builder("mailhelp.blocklist.could.not.check").description("Blocklist questions without a usable answer, by list")
                    .tag("list", list).register(registry).increment();
        }
    }

    /** A knowledge reload, applied or refused. */
    public void knowledgeReload(boolean applied) {
        Counter.builder("mailhelp.knowledge.reloads").description("Knowledge reloads, applied or refused")
                .tag("result", applied ? "applied" : "refused").register(registry).increment();
    }

    /** A value read at every scrape (open sessions, in-flight interactions). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition of everything registered. */
    public String scrape() {
        return registry.scrape();
    }
}
