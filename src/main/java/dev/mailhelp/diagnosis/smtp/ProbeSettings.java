package dev.mailhelp.diagnosis.smtp;

import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;

/**
 * Timeouts and identity of the probe.
 *
 * @param connectTimeout  TCP connect: 10 s; longer almost always means a firewall drops the packets
 *                        (typical of port 25 at home and in clouds)
 * @param readTimeout     each reply, greeting included: 20 s; RFC 5321 lets clients wait 5 minutes,
 *                        but no mail program user waits that long and the bot must answer
 * @param slowGreeting    a greeting later than this (5 s) is reported as slow: mail programs
 *                        time out, and it often means anti-spam tarpitting or a reverse-DNS timeout
 * @param totalTimeout    one port's whole dialogue: 45 s, so a server cannot hold a probe open
 * @param ehloName        the name sent in EHLO; {@code .invalid} is reserved, so it claims nobody's name
 * @param trust           whose trust store judges certificate chains (the JDK's cacerts in production)
 * @param clock           for certificate dates
 * @param dialer          opens the connections ({@link Dialer#DIRECT} in production)
 */
public record ProbeSettings(Duration connectTimeout, Duration readTimeout, Duration slowGreeting,
                            Duration totalTimeout, String ehloName, X509TrustManager trust, Clock clock, Dialer dialer) {

    public ProbeSettings(Duration connectTimeout, Duration readTimeout, Duration slowGreeting,
                         Duration totalTimeout, String ehloName, X509TrustManager trust, Clock clock) {
        this(connectTimeout, readTimeout, slowGreeting, totalTimeout, ehloName, trust, clock, Dialer.DIRECT);
    }

    public static ProbeSettings defaults() {
        return new ProbeSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(45), "mailhelp-probe.invalid", TlsInspector.jdkTrust(), Clock.systemUTC());
    }

    public ProbeSettings withDialer(Dialer newDialer) {
        return new ProbeSettings(connectTimeout, readTimeout, slowGreeting, totalTimeout, ehloName, trust, clock, newDialer);
    }

    public ProbeSettings withTimeouts(Duration connect, Duration read, Duration slow, Duration total) {
        return new ProbeSettings(connect, read, slow, total, ehloName, trust, clock, dialer);
    }

    public ProbeSettings withTrust(X509TrustManager newTrust) {
        return new ProbeSettings(connectTimeout, readTimeout, slowGreeting, totalTimeout, ehloName, newTrust, clock, dialer);
    }

    public ProbeSettings withClock(Clock newClock) {
        return new ProbeSettings(connectTimeout, readTimeout, slowGreeting, totalTimeout, ehloName, trust, newClock, dialer);
    }
}
