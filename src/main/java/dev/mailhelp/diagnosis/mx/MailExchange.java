package dev.mailhelp.diagnosis.mx;

import java.net.InetAddress;
import java.util.List;

/**
 * One mail exchange of a domain and what its name resolved to.
 *
 * @param host       lower case, without trailing dot
 * @param preference MX preference; -1 for the implicit MX (the domain's own address)
 * @param addresses  its IPv4 and IPv6 addresses (empty when it did not resolve or could not be checked)
 */
public record MailExchange(String host, int preference, List<InetAddress> addresses) {
    public MailExchange {
        addresses = List.copyOf(addresses);
    }
}
