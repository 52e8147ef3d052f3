package dev.mailhelp.input;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A server as typed for the SMTP probe: a name or an address (never both), maybe with a port.
 */
public record HostInput(Optional<HostName> name, Optional<InetAddress> address, OptionalInt port) {

    public HostInput {
        if (name.isPresent() == address.isPresent()) {
            throw new IllegalArgumentException("exactly one of name and address");
        }
    }
}
