package dev.mailhelp.diagnosis.guard;

import dev.mailhelp.diagnosis.smtp.Dialer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every address the code dials. Public addresses are never dialled (tests reach only
 * 127.0.0.1); a dial to loopback goes for real to the given local server's port, so a connection
 * the guard should have prevented would arrive there and be counted.
 */
final class RecordingDialer implements Dialer {

    private final List<InetAddress> dialled = new CopyOnWriteArrayList<>();
    private final int loopbackPort;

    RecordingDialer(int loopbackPort) {
        this.loopbackPort = loopbackPort;
    }

    List<InetAddress> dialled() {
        return List.copyOf(dialled);
    }

    @Override
    public void connect(Socket socket, InetSocketAddress to, int timeoutMillis) throws IOException {
        dialled.add(to.getAddress());
        if (to.getAddress().isLoopbackAddress()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), loopbackPort), timeoutMillis);
            return;
        }
        throw new ConnectException("not dialled: tests reach only 127.0.0.1");
    }
}
