package dev.mailhelp.diagnosis.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.util.function.Consumer;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with two hooks the probe needs: every server reply is reported
 * (with its arrival time, for the greeting delay and the transcript), and STARTTLS and EHLO can be
 * driven one step at a time so the extensions before and after TLS can both be seen (Angus's own
 * connect does EHLO, STARTTLS, EHLO in one go and keeps only the last).
 */
final class ProbeTransport extends SMTPTransport {

    private final Consumer<SmtpReply> replies;

    ProbeTransport(Session session, Consumer<SmtpReply> replies) {
        super(session, new URLName("smtp", null, -1, null, null, null), "smtp", false);
        this.replies = replies;
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        int code = super.readServerResponse();
        String text = getLastServerResponse();
        replies.accept(new SmtpReply(code, text == null ? "" : text.strip()));
        return code;
    }

    // synchronized like the public methods that normally call these (Angus asserts it holds the lock)
    synchronized void startTlsNow() throws MessagingException {
        startTLS();
    }

    synchronized boolean ehloNow(String name) throws MessagingException {
        return ehlo(name);
    }
}
