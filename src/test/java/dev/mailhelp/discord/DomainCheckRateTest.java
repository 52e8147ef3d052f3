package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Expectations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the check rate (5 a minute) triggered in an ordinary session. The checks of one
 * domain (its report, the same domain again with a DKIM selector or after a change) count once;
 * another check past the limit is refused with the typed answer kept and a retry button.
 */
class DomainCheckRateTest {

    @Test
    void oneDomainsChecksCountOnceInTheLimiter() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);
        CheckRateLimiter limiter = new CheckRateLimiter(new CheckRate(2, Duration.ofSeconds(60)), clock);
        assertEquals(Optional.empty(), limiter.tryAcquire(1, "domain:example.org"));
        assertEquals(Optional.empty(), limiter.tryAcquire(1, "domain:example.org"), "the same domain again: counted once");
        assertEquals(Optional.empty(), limiter.tryAcquire(1, "domain:example.org"));
        assertEquals(Optional.empty(), limiter.tryAcquire(1, ""), "a second check");
        assertTrue(limiter.tryAcquire(1, "domain:other.example").isPresent(), "a third subject is over the limit");
        assertTrue(limiter.tryAcquire(1, "").isPresent(), "checks without a subject always count");
        assertEquals(Optional.empty(), limiter.tryAcquire(1, "domain:example.org"), "the counted domain still runs");
        assertEquals(Optional.empty(), limiter.tryAcquire(2, "domain:other.example"), "other users are not affected");
    }

    @Test
    void theShippedTreeNamesTheDomainOfEachDomainCheck() {
        CheckGate gate = new CheckGate(KnowledgeLoader.load(Path.of("knowledge"), new Expectations(Map.of(), Set.of()))
                .knowledge().tree());
        // typed on the selector step, the domain comes from the session
        assertEquals("domain:bad.example", gate.subjectAfterInput("dns-ask-selector", "sel1", Map.of("domain", "Bad.Example.")));
        // "Check again after my changes" leads to an input step, not a check: nothing to count yet
        assertEquals("", gate.subjectAfterChoice("dns-problems", 0, Map.of("domain", "bad.example")));
        // the provider lookup of a domain shares its subject
        assertEquals("domain:gmail.com", gate.subjectAfterInput("limits-ask-domain", "gmail.com", Map.of()));
        // an IP check always counts
        assertEquals("", gate.subjectAfterInput("bl-ask-ip", "192.0.2.10", Map.of("domain", "bad.example")));
    }

    @Test
    void inTheSimulatorTheSameDomainAgainRunsAndAnotherCheckIsRefusedWithTheAnswerKept() {
        try (BotFixture limited = BotFixture.withProjectChecks(new CheckRate(1, Duration.ofSeconds(60)))) {
            SimulatedUser u = new SimulatedUser(limited.sim, "one-domain", "en-US");
            u.start();
            u.choose(2);
            u.choose(0);
            assertEquals("dns-ask-domain", u.node());
            u.enter("bad.mailhelp.test");
            assertEquals("dns-ask-selector", u.node());
            u.enter("");
            assertEquals("dns-problems", u.node(), "the one check the rate allows: " + u.shown);
            // the same domain again, now with a DKIM selector: part of the same domain check
            u.choose(0);
            assertEquals("dns-ask-domain", u.node());
            u.enter("bad.mailhelp.test");
            u.enter("sel1");
            assertEquals("dns-problems", u.node(), "the same domain counts once: " + u.shown);
            // another domain is a second check: refused, the answer kept, a retry button offered
            u.choose(0);
            u.enter("good.mailhelp.test");
            assertEquals("dns-ask-selector", u.node());
            ShownMessage.Button input = u.shown.buttons().stream().filter(b -> b.customId().startsWith("mh1|i|")).findFirst()
                    .orElseThrow(() -> new AssertionError("an input button: " + u.shown));
            SimInteraction click = limited.sim.clickButton(u.user, "en-US", u.shown, input.customId());
            click.awaitModal();
            String inputId = click.modal().orElseThrow().path("components").get(0).path("components").get(0).path("custom_id").asText();
            ShownMessage refusal = limited.sim.submitModal(click, Map.of(inputId, "")).awaitReply();
            assertEquals("Please slow down", refusal.embeds().get(0).path("title").asText(), refusal.toString());
            assertTrue(refusal.text().contains("Your answer is kept"), refusal.toString());
            assertTrue(refusal.buttons().stream().anyMatch(b -> b.customId().startsWith("mh1|rt|dns-ask-selector|")
                    && b.label().equals("Try again")), "a retry button: " + refusal);
            assertEquals(List.of(), limited.sim.violations());
            assertEquals(List.of(), limited.sim.rejections());
        }
    }
}
