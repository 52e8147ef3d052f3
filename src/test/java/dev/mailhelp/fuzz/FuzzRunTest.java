package dev.mailhelp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner itself: the same inputs whatever the threads and pieces, hangs and crashes counted. */
class FuzzRunTest {

    private static FuzzTarget recording(List<String> seen) {
        return new FuzzTarget("recording", List.of("v=spf1 -all", "example.com"), List.of(":", "."), 256,
                seen::add);
    }

    @Test
    void sameInputsWhateverTheThreadsAndPieces() throws Exception {
        List<String> one = Collections.synchronizedList(new ArrayList<>());
        FuzzRun.run(recording(one), 7, 0, 2_500, 5_000, 1);
        List<String> two = Collections.synchronizedList(new ArrayList<>());
        FuzzRun.run(recording(two), 7, 0, 2_500, 5_000, 2);
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());
        FuzzRun.run(recording(pieces), 7, 0, 1_300, 5_000, 2);
        FuzzRun.Result second = FuzzRun.run(recording(pieces), 7, 1_300, 1_200, 5_000, 3);
        assertEquals(1_200, second.inputs());
        assertEquals(2_500, one.size());
        List<String> a = new ArrayList<>(one);
        List<String> b = new ArrayList<>(two);
        List<String> c = new ArrayList<>(pieces);
        Collections.sort(a);
        Collections.sort(b);
        Collections.sort(c);
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void aStuckInputIsAHangAndTheRunGoesOn() throws Exception {
        FuzzTarget stuckOnce = new FuzzTarget("stuck", List.of("abc"), List.of(), 64, new FuzzTarget.Property() {
            private boolean stuck;

            @Override
            public void check(String input) throws Exception {
                synchronized (this) {
                    if (stuck) {
                        return;
                    }
                    stuck = true;
                }
                Thread.sleep(60_000);
            }
        });
        // far on both sides of the 5 s hang limit: the stuck input sleeps 60 s, the others take microseconds
        // (a 300 ms limit counted a worker the loaded machine merely paused as a hang)
        FuzzRun.Result r = FuzzRun.run(stuckOnce, 1, 0, 3_000, 5_000, 2);
        assertEquals(1, r.hangs().size());
        assertEquals(3_000, r.inputs());
        assertEquals(0, r.crashCount());
    }

    @Test
    void everyCrashIsCountedButOnlySomeKept() throws Exception {
        FuzzTarget alwaysThrows = new FuzzTarget("throws", List.of("abc"), List.of(), 64, input -> {
            throw new IllegalStateException("boom");
        });
        FuzzRun.Result r = FuzzRun.run(alwaysThrows, 1, 0, 500, 5_000, 2);
        assertEquals(500, r.crashCount());
        assertTrue(r.crashes().size() <= 20 && !r.crashes().isEmpty());
        assertTrue(!r.clean());
    }
}
