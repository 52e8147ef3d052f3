package dev.mailhelp.diagnosis.domain;

import java.net.InetAddress;
import java.util.List;

/**
 * What to check: the domain, the DKIM selectors the user gave (empty: try the common ones), and
 * the sending IPs the user gave (empty: check the reverse DNS of the MX hosts instead).
 */
public record DomainRequest(DomainName domain, List<String> selectors, List<InetAddress> sendingIps) {
    public DomainRequest {
        selectors = List.copyOf(selectors);
        sendingIps = List.copyOf(sendingIps);
    }

    public static DomainRequest of(DomainName domain) {
        return new DomainRequest(domain, List.of(), List.of());
    }
}
