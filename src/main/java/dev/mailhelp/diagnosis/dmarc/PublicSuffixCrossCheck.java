package dev.mailhelp.diagnosis.dmarc;

import com.google.common.net.InternetDomainName;
import java.util.Optional;

/**
 * The organisational domain as the public suffix list (Guava's copy) sees it. RFC 9989 replaced
 * the list by the tree walk; comparing the two tells the user when older receivers (still on
 * RFC 7489) may disagree about alignment.
 */
public final class PublicSuffixCrossCheck {

    private PublicSuffixCrossCheck() {
    }

    /** The registrable domain per the list, or empty when the list knows nothing of the name's suffix. */
    public static Optional<String> registrableDomain(String domain) {
        try {
            InternetDomainName name = InternetDomainName.from(domain);
            if (!name.isUnderPublicSuffix()) {
                return Optional.empty();
            }
            return Optional.of(name.topPrivateDomain().toString());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
