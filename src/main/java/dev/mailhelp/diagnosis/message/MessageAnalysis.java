package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import java.util.List;
import java.util.Optional;

/**
 * Everything read and verified in one message, before it is turned into findings.
 *
 * @param receiver    the topmost Authentication-Results (the receiving domain's), empty when none
 * @param otherResults further Authentication-Results fields below it (added earlier, not trusted)
 * @param dkim        one verdict per DKIM-Signature, top first
 * @param arc         the ARC chain
 * @param connection  the delivering connection SPF was checked for
 * @param spf         SPF of that connection, empty when the client address is unknown
 * @param dmarc       DMARC of the message
 * @param hops        Received hops, oldest first
 * @param listUnsubscribe the List-Unsubscribe value, empty when absent
 * @param oneClick    List-Unsubscribe-Post says {@code List-Unsubscribe=One-Click}
 * @param headersOnly only the header block was given
 * @param microsoftScl Microsoft's spam confidence level (X-Forefront-Antispam-Report SCL, or
 *                    X-MS-Exchange-Organization-SCL), empty when absent
 * @param antispam    the NAME:value items of Microsoft's X-Forefront-Antispam-Report (CAT, SFV,
 *                    CIP...), names upper-case; empty when absent
 */
public record MessageAnalysis(Optional<AuthenticationResults> receiver, List<AuthenticationResults> otherResults,
                              List<DkimVerdict> dkim, ArcResult arc, Connection connection, Optional<SpfEvaluation> spf,
                              DmarcVerdict dmarc, List<ReceivedHop> hops, Optional<String> listUnsubscribe,
                              boolean oneClick, boolean headersOnly, Optional<String> microsoftScl,
                              java.util.Map<String, String> antispam) {

    public MessageAnalysis {
        otherResults = List.copyOf(otherResults);
        dkim = List.copyOf(dkim);
        hops = List.copyOf(hops);
        antispam = java.util.Map.copyOf(antispam);
    }
}
