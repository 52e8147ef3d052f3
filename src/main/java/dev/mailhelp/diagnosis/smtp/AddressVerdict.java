package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;

/**
 * The guard's decision about one address.
 *
 * @param address     the address judged
 * @param kind        what kind of address it is (for an IPv4 address embedded in IPv6, the embedded one's kind)
 * @param description plain words, e.g. "a private network address (RFC 1918)"
 * @param allowed     whether the probe may connect to it
 * @param reason      why it is refused, in plain words; empty when allowed
 */
public record AddressVerdict(InetAddress address, AddressClass kind, String description, boolean allowed, String reason) {
}
