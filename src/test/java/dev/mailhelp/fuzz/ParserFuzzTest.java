package dev.mailhelp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The short seeded fuzz run of every parser, part of the build: a fixed seed, so a failure
 * replays. The million-input run is {@code dev.mailhelp.bench.ParserFuzzBenchmark}.
 */
class ParserFuzzTest {

    /** Enough to reach past the seeds' neighbourhood in seconds; the benchmark does the long run. */
    static final int INPUTS = 2_000;
    static final long SEED = 20261204L;
    static final long HANG_MILLIS = 5_000;

    @TestFactory
    Stream<DynamicTest> everyParserKeepsItsInvariants() throws IOException {
        List<FuzzTarget> targets = FuzzTargets.all();
        assertTrue(targets.size() >= 18, "every parser of outside input has a target");
        return targets.stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            assertTrue(!t.seeds().isEmpty(), t.name() + " has seeds from the test data");
            FuzzRun.Result r = FuzzRun.run(t, SEED, INPUTS, HANG_MILLIS);
            assertEquals(List.of(), r.crashes(), t.name() + ": crashes");
            assertEquals(List.of(), r.hangs(), t.name() + ": hangs");
            assertEquals(INPUTS, r.inputs());
        }));
    }
}
