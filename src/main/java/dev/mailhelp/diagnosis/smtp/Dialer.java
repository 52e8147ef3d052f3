package dev.mailhelp.diagnosis.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Opens the TCP connection of an outgoing check (the SMTP probe, the MTA-STS policy fetch) to an
 * address the {@link AddressGuard} already approved. Production dials directly; tests substitute
 * one that records where the code tried to go, so the guard's promises (no second lookup, no
 * connection to a refused address) can be shown without dialling anything but loopback.
 */
@FunctionalInterface
public interface Dialer {

    Dialer DIRECT = (socket, to, timeoutMillis) -> socket.connect(to, timeoutMillis);

    void connect(Socket socket, InetSocketAddress to, int timeoutMillis) throws IOException;
}
