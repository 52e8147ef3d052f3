package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, the small version of the load run (the 200-person run is
 * {@code dev.mailhelp.bench.ConversationLoadBenchmark}): 30 people at once, each to the DNS check of
 * their own domain, with 5 % of DNS answers lost and the gateway dropped once. Every interaction is
 * answered, every check ends with a result or "could not check", nobody sees another's domain.
 * Nothing here is timed: the patience per step only bounds a broken run.
 */
class ManyConversationsTest {

    @Test
    void thirtyPeopleAtOnceWithLostDnsAnswersAndAGatewayDrop() throws Exception {
        ConversationLoad.Result r = ConversationLoad.run(30, 0.05, 12L, Duration.ofSeconds(60));
        assertEquals(List.of(), r.problems());
        assertEquals(30, r.finished(), r.toString());
        assertEquals(0, r.unanswered(), r.toString());
        assertTrue(r.resumes() >= 1, "the gateway came back with RESUME: " + r);
        assertTrue(r.lostQueries() > 0, "the DNS did lose answers: " + r);
    }
}
