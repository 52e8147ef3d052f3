package dev.mailhelp.diagnosis.smtp;

import java.time.Instant;
import java.util.List;

/**
 * What the probe concluded about the server's certificate.
 *
 * @param subject      the leaf certificate's subject
 * @param issuer       its issuer
 * @param names        the names it is valid for (subjectAltName DNS/IP entries, else the CN)
 * @param notAfter     when it expires
 * @param expired      the leaf or a certificate of the chain is past its end date
 * @param notYetValid  the leaf's start date is in the future
 * @param selfSigned   one certificate, issued by itself
 * @param nameMatches  it names the host the user typed
 * @param trusted      the chain leads to a root in the trust store (the JDK's by default)
 * @param trustProblem why it is not trusted, as the trust manager said; empty when trusted
 */
public record CertificateCheck(String subject, String issuer, List<String> names, Instant notAfter,
                               boolean expired, boolean notYetValid, boolean selfSigned,
                               boolean nameMatches, boolean trusted, String trustProblem) {

    public CertificateCheck {
        names = List.copyOf(names);
    }
}
