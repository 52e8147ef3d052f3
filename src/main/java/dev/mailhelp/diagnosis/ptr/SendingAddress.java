package dev.mailhelp.diagnosis.ptr;

import java.net.InetAddress;

/**
 * An address whose reverse DNS is checked, and where it came from.
 *
 * @param ip     the address
 * @param origin e.g. "the sending IP" or "the MX host mx1.example.com", for the messages
 * @param sends  true when the address is known to send mail (then a missing PTR is a failure;
 *               for an MX host it only matters if that host also sends)
 */
public record SendingAddress(InetAddress ip, String origin, boolean sends) {
}
