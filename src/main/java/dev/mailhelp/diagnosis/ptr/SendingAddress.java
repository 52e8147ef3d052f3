package dev.mailhelp.diagnosis.ptr;

import java.net.InetAddress;

/**
 * An address whose reverse DNS is checked, and where it came from.
 *
 * @param ip     the address
 * @param origin the MX host the address belongs to, or empty for the sending IP the user gave
 * @param sends  true when the address is known to send mail (then a missing PTR is a failure;
 *               for an MX host it only matters if that host also sends)
 */
public record SendingAddress(InetAddress ip, String origin, boolean sends) {
}
