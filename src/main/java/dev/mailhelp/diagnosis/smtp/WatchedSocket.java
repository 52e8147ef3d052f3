package dev.mailhelp.diagnosis.smtp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket that keeps the first bytes the server sent. When a TLS handshake on 465 fails,
 * these show whether the server spoke plaintext SMTP ("220 ...") instead of TLS.
 */
final class WatchedSocket extends Socket {

    private static final int KEEP = 512;
    private final byte[] first = new byte[KEEP];
    private int kept;
    private InputStream watched;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (watched == null) {
            watched = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        keep(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        keep(b, off, n);
                    }
                    return n;
                }
            };
        }
        return watched;
    }

    private synchronized void keep(byte[] b, int off, int n) {
        int take = Math.min(n, KEEP - kept);
        if (take > 0) {
            System.arraycopy(b, off, first, kept, take);
            kept += take;
        }
    }

    /** The first bytes received, as text (Latin-1 so every byte maps to one character). */
    synchronized String firstBytes() {
        return new String(first, 0, kept, StandardCharsets.ISO_8859_1);
    }
}
