package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InteractionLanesTest {

    @Test
    void oneUsersInteractionsRunInArrivalOrder() throws InterruptedException {
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(3 * 500);
        try (InteractionLanes lanes = new InteractionLanes(4, Thread::new)) {
            for (int i = 0; i < 500; i++) {
                for (long user = 1; user <= 3; user++) {
                    int n = i;
                    long u = user;
                    lanes.run(user, () -> {
                        seen.computeIfAbsent(u, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(n);
                        done.countDown();
                    });
                }
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "not all tasks ran");
        }
        for (List<Integer> order : seen.values()) {
            for (int i = 0; i < order.size(); i++) {
                assertEquals(i, order.get(i), "a user's interactions ran out of order: " + order);
            }
        }
    }

    @Test
    void usersWithNeighbouringSnowflakesSpreadOverTheLanes() {
        try (InteractionLanes lanes = new InteractionLanes(4, Thread::new)) {
            Set<Integer> used = new HashSet<>();
            long first = 1_175_000_000_000_000_000L;
            for (long id = first; id < first + 16; id++) {
                int lane = lanes.laneOf(id);
                assertTrue(lane >= 0 && lane < 4, "lane out of range: " + lane);
                assertEquals(lane, lanes.laneOf(id), "a user must always get the same lane");
                used.add(lane);
            }
            assertEquals(4, used.size(), "16 consecutive ids used only lanes " + used);
        }
    }

    @Test
    void noLanesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InteractionLanes(0, Thread::new));
        assertTrue(e.getMessage().contains("at least one lane"), e.getMessage());
    }
}
