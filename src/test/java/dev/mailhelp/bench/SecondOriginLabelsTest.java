package dev.mailhelp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The second origin's label table and the split into dev and holdout are fixed data: every class
 * is one of the origin's six and reachable through the reason table, every file is labelled once,
 * and the half of a file depends on its name alone.
 */
class SecondOriginLabelsTest {

    private static final Set<String> CLASSES = Set.of("user_unknown", "over_quota", "user_disabled", "domain_error",
            "message_too_large", "spam");

    @Test
    void labelsUseTheOriginsSixClasses_eachFileOnce() throws Exception {
        List<SecondOriginBenchmark.Labelled> labels = SecondOriginBenchmark.labels();
        assertEquals(101, labels.size());
        Set<String> files = new HashSet<>();
        for (SecondOriginBenchmark.Labelled l : labels) {
            assertTrue(CLASSES.contains(l.label()), l.file() + ": " + l.label());
            assertTrue(files.add(l.file()), "labelled twice: " + l.file());
            assertTrue(l.file().endsWith(".msg") && l.test().startsWith("t/") && l.test().endsWith(".t"), l.toString());
        }
        assertEquals(CLASSES, new HashSet<>(SecondOriginBenchmark.CLASS_OF_REASON.values()),
                "every class can be reached from some reason, and no reason maps outside the six");
    }

    @Test
    void splitIsByNameAlone_andBothHalvesAreUsed() throws Exception {
        assertEquals(SecondOriginBenchmark.halfOf("quota-2.msg"), SecondOriginBenchmark.halfOf("quota-2.msg"));
        long dev = SecondOriginBenchmark.labels().stream().filter(l -> l.half().equals("dev")).count();
        assertEquals(49, dev, "the dev half was fixed before any result was seen");
        assertEquals("other", SecondOriginBenchmark.classOf("onhold"));
        assertEquals("domain_error", SecondOriginBenchmark.classOf("norelaying"));
    }
}
