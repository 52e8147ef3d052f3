package dev.mailhelp.diagnosis.mx;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import java.util.List;
import java.util.Optional;

/**
 * What the MX check found, for the report and for the checks that build on it (PTR of the
 * exchanges, MTA-STS coverage, provider recognition).
 *
 * @param lookupFailed true when the MX question itself got no answer
 */
public record MxResult(List<Finding> findings, List<MailExchange> exchanges, Optional<KnownProvider> provider,
                       boolean nullMx, boolean lookupFailed) {
    public MxResult {
        findings = List.copyOf(findings);
        exchanges = List.copyOf(exchanges);
    }
}
