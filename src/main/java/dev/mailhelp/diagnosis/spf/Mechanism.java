package dev.mailhelp.diagnosis.spf;

/**
 * A directive: qualifier and mechanism.
 *
 * @param domain   the domain-spec; null when the mechanism has none (then the current domain is used)
 * @param network  for ip4/ip6 the range; null otherwise
 * @param cidr4    prefix length applied to IPv4 addresses found by a / mx (32 when not given)
 * @param cidr6    prefix length applied to IPv6 addresses found by a / mx (128 when not given)
 * @param position offset of the term in the record text
 * @param text     the term as written
 */
public record Mechanism(Qualifier qualifier, MechanismKind kind, MacroString domain, IpNetwork network,
                        int cidr4, int cidr6, int position, String text) implements Term {
}
