package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The leave-one-family-out measurement itself: every family is a fold, a fold reads only its own
 * family with the rules that family alone supports taken out, and the held-out figures stay above
 * floors set just under the measured ones (docs/benchmarks.md has the table).
 */
class FamilyCrossValidationTest {

    // Just under the measured held-out figures (96.4 / 90.3 / 94.1 %, third round), to catch regressions;
    // reason and branch are also the targets for the kept-back set (90 / 93 %).
    static final double STATUS_FLOOR = 0.96;
    static final double REASON_FLOOR = 0.90;
    static final double BRANCH_FLOOR = 0.935;
    /** Issue 10: the held-out figure within 5 points of the plain one, on each measure. */
    static final double MAX_GAP_POINTS = 5.0;

    @Test
    void everyFamilyIsHeldOutOnce_withTheRulesOnlyItSupportsTakenOut() throws Exception {
        Path corpus = BounceCorpusAccuracyTest.corpus();
        BounceRules rules = BounceRules.load(Path.of("knowledge"));
        FamilyCrossValidation cv = FamilyCrossValidation.run(rules, corpus);
        Set<String> families = new TreeSet<>();
        cv.plain().rows().forEach(r -> families.add(r.family()));
        assertEquals(families.size(), cv.folds().size());
        assertEquals(cv.plain().rows().size(), cv.heldOut().rows().size(), "every result is read once, held out");
        int dropping = 0;
        for (FamilyCrossValidation.Fold f : cv.folds()) {
            assertTrue(f.heldOut().rows().stream().allMatch(r -> r.family().equals(f.family())), f.family());
            Set<String> left = rules.without(f.dropped()::contains).ruleIds();
            for (String id : f.dropped()) {
                assertFalse(left.contains(id), id + " still used in the fold of " + f.family());
                assertFalse(FamilyCrossValidation.documentedElsewhere(id), id + " is documented, never dropped");
            }
            // No held-out reading uses a rule its fold dropped.
            assertTrue(f.heldOut().rows().stream().flatMap(r -> r.basis().stream()).noneMatch(f.dropped()::contains),
                    f.family());
            if (!f.dropped().isEmpty()) {
                dropping++;
            }
        }
        assertTrue(dropping >= 20, "folds that lose rules: " + dropping);
        System.out.println("[bounce leave-one-family-out] " + cv.heldOut().summary() + "; gap " + cv.gap());
        assertTrue(cv.heldOut().statusAccuracy() >= STATUS_FLOOR, cv.heldOut().summary());
        assertTrue(cv.heldOut().reasonAccuracy() >= REASON_FLOOR, cv.heldOut().summary());
        assertTrue(cv.heldOut().branchAccuracy() >= BRANCH_FLOOR, cv.heldOut().summary());
        cv.gap().forEach((measure, points) -> assertTrue(points <= MAX_GAP_POINTS,
                measure + " loses " + points + " points when its family is held out"));
    }

    @Test
    void familyOfAFile() {
        assertEquals("lhost-postfix", CorpusScore.familyOf("lhost-postfix-12.eml"));
        assertEquals("rhost-google", CorpusScore.familyOf("rhost-google-03.eml"));
        assertEquals("arf", CorpusScore.familyOf("arf-01.eml"));
    }
}
