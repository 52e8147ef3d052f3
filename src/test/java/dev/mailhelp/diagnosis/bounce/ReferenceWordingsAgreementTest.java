package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: unseen bounces come from MTA families and wordings the reference library knows. Every
 * wording the installed Sisimai documents (its reason indexes, per-MTA and per-provider tables),
 * put in a delivery status notification, must be read by mailhelp as Sisimai reads it at least as
 * often as the floor below. Needs Debian's libsisimai-perl (installed by .ci/run): fails under
 * CI=true without it, skips otherwise.
 */
class ReferenceWordingsAgreementTest {

    /** Agreement floor, % of wordings (measured figure in docs/benchmarks.md, fourth round). */
    private static final double FLOOR = 73.5;

    @Test
    void mailhelpReadsTheReferencesOwnWordingsAsTheReferenceDoes() throws Exception {
        String version = SisimaiComparison.requireInstalled();
        List<ReferenceWordingsAgreement.Wording> wordings = ReferenceWordingsAgreement.wordings();
        // The extractor found the tables (a changed module layout would otherwise pass silently).
        assertTrue(wordings.size() >= 900, "wordings extracted from Sisimai " + version + ": " + wordings.size());
        assertTrue(wordings.stream().anyMatch(w -> w.module().startsWith("Rhost/")), "provider tables read");
        assertTrue(wordings.stream().anyMatch(w -> w.module().startsWith("Lhost/")), "MTA tables read");
        ReferenceWordingsAgreement.Result r = ReferenceWordingsAgreement.run(BounceRules.load(Path.of("knowledge")));
        assertEquals(wordings.size(), r.cases().size());
        // Sisimai answered for every report (no silent runner failure).
        long unanswered = r.cases().stream().filter(c -> c.sisimai().equals("(none)")).count();
        assertTrue(unanswered < wordings.size() / 20, "reports Sisimai gave no result for: " + unanswered);
        String summary = String.format(Locale.ROOT, "agreement %.1f %% of %d wordings (same name %.1f %%)",
                r.agreement(), r.cases().size(), r.sameNameAgreement());
        System.out.println("[bounce vs Sisimai " + version + " on its own wordings] " + summary);
        assertTrue(r.agreement() >= FLOOR, summary + "; first disagreements: "
                + r.disagreements().stream().limit(20).map(c -> c.wording().text() + " -> sisimai " + c.sisimai()
                        + ", mailhelp " + c.mailhelp()).toList());
    }
}
