package dev.mailhelp.diagnosis.smtp;

import java.util.List;
import java.util.Optional;

/**
 * Everything one port's probe saw, in the order it happened. Fields after the step that failed
 * are empty.
 *
 * @param plan                the port and the role it was judged by
 * @param address             the vetted address connected to (or tried last)
 * @param connect             how the TCP connection went
 * @param connectDetail       the socket's own words when it failed
 * @param connectMillis       time to connect
 * @param greeting            the server's first reply
 * @param greetingDelayMillis from connection (or TLS handshake on 465) to the greeting; -1 when none
 * @param greetingTimedOut    connected, but no greeting within the read timeout
 * @param ehloPlain           EHLO reply before TLS (never on implicit TLS)
 * @param ehloTls             EHLO reply inside TLS
 * @param tls                 the handshake, when one was attempted
 * @param tlsMode             how TLS came in
 * @param startTlsReply       the reply to STARTTLS, when sent
 * @param plaintextOnTlsPort  the port should speak TLS at once, but the server greeted in plaintext
 * @param tlsOnPlainPort      the port should greet in plaintext, but the server waits for TLS
 * @param quitClean           QUIT was answered with 221
 * @param totalTimedOut       the whole dialogue took longer than the total timeout and was cut
 * @param failure             an unexpected failure after connecting; empty when none
 * @param transcript          the dialogue, server replies prefixed "S:", the probe's steps "C:"
 */
public record PortProbeResult(PortPlan plan, String address, ConnectOutcome connect, String connectDetail,
                              long connectMillis, Optional<SmtpReply> greeting, long greetingDelayMillis,
                              boolean greetingTimedOut, Optional<EhloInfo> ehloPlain, Optional<EhloInfo> ehloTls,
                              Optional<TlsDetails> tls, TlsMode tlsMode, Optional<SmtpReply> startTlsReply,
                              boolean plaintextOnTlsPort, boolean tlsOnPlainPort, boolean quitClean,
                              boolean totalTimedOut, String failure, List<String> transcript) {

    public PortProbeResult {
        transcript = List.copyOf(transcript);
    }

    public int port() {
        return plan.port();
    }

    public PortRole role() {
        return plan.role();
    }

    /** The last EHLO seen: inside TLS when there was TLS. */
    public Optional<EhloInfo> finalEhlo() {
        return ehloTls.isPresent() ? ehloTls : ehloPlain;
    }
}
