package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.diagnosis.Finding;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A part of the domain report written elsewhere (SPF, the domain blocklist check), plugged in by
 * a method reference such as {@code spfCheck::check}. The stage must not complete exceptionally;
 * if it does anyway, the report turns that into a "could not check" finding.
 */
@FunctionalInterface
public interface DomainPart {

    /** @param domain A-label domain without trailing dot */
    CompletionStage<List<Finding>> check(String domain);
}
