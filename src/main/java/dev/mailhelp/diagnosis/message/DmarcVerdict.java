package dev.mailhelp.diagnosis.message;

import java.util.List;

/**
 * The DMARC result of one message (RFC 9989).
 *
 * @param result       {@code pass}, {@code fail}, {@code none} (no policy), {@code temperror}, or
 *                     {@code permerror} (no single author domain to judge)
 * @param reason       a stable reason id: {@code dkim-aligned}, {@code spf-aligned}, {@code unaligned},
 *                     {@code no-policy}, {@code no-from}, {@code multiple-from}, {@code lookup-failed}
 * @param headerFrom   the author domain, empty when there is none
 * @param policyDomain where the policy was found, empty when none
 * @param policy       the policy that applies ({@code none}, {@code quarantine}, {@code reject}), empty when none
 * @param testing      the record says t=y
 * @param dkimAligned  d= of passing signatures that align
 * @param spfAligned   whether SPF passed for an aligned domain
 * @param spfDomain    the domain SPF judged
 * @param passingUnaligned true when DKIM or SPF passed but for a domain that does not align
 */
public record DmarcVerdict(String result, String reason, String headerFrom, String policyDomain, String policy,
                           boolean testing, List<String> dkimAligned, boolean spfAligned, String spfDomain,
                           boolean passingUnaligned) {

    public DmarcVerdict {
        dkimAligned = List.copyOf(dkimAligned);
    }
}
