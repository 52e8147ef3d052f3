package dev.mailhelp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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

    /**
     * Defects this run finds in parsers being replaced on another branch (issue #17 items 1, 5 and
     * 15: feat-inputs' one input parser). Tolerated here only by their exact symptom, so any other
     * crash of these parsers still fails; delete an entry once the new parser is on main.
     */
    private static final Map<String, List<String>> KNOWN_ELSEWHERE = Map.of(
            "domain-name", List.of("String index out of range: 0 at DomainName.parse", "refusal names a Java class"),
            "smtp-target", List.of("refusal names a Java class"),
            "modal-value", List.of("IllegalArgumentException: No such interface"));

    private static boolean knownElsewhere(String target, String crash) {
        return KNOWN_ELSEWHERE.getOrDefault(target, List.of()).stream().anyMatch(crash::contains);
    }

    @TestFactory
    Stream<DynamicTest> everyParserKeepsItsInvariants() throws IOException {
        List<FuzzTarget> targets = FuzzTargets.all();
        assertTrue(targets.size() >= 16, "every parser of outside input has a target");
        return targets.stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            assertTrue(!t.seeds().isEmpty(), t.name() + " has seeds from the test data");
            FuzzRun.Result r = FuzzRun.run(t, SEED, INPUTS, HANG_MILLIS);
            List<String> crashes = r.crashes().stream().filter(c -> !knownElsewhere(t.name(), c)).toList();
            assertEquals(List.of(), crashes, t.name() + ": crashes");
            assertEquals(List.of(), r.hangs(), t.name() + ": hangs");
            assertEquals(INPUTS, r.inputs());
        }));
    }
}
