package dev.mailhelp.diagnosis.smtp;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the server offered in reply to EHLO.
 *
 * @param extensions     the extension lines as offered, e.g. {@code SIZE 35882577}, {@code AUTH PLAIN LOGIN}
 * @param authMechanisms the SASL mechanisms offered (upper case); empty when no AUTH
 * @param startTls       STARTTLS offered
 * @param maxSize        the SIZE limit in bytes, when announced with a number
 */
public record EhloInfo(List<String> extensions, List<String> authMechanisms, boolean startTls, OptionalLong maxSize) {

    public EhloInfo {
        extensions = List.copyOf(extensions);
        authMechanisms = List.copyOf(authMechanisms);
    }

    public boolean offersAuth() {
        return !authMechanisms.isEmpty();
    }

    /** Only token-based sign-in: the account's normal password will never work here. */
    public boolean onlyOAuth() {
        return offersAuth() && authMechanisms.stream().allMatch(m -> m.equals("XOAUTH2") || m.equals("OAUTHBEARER"));
    }
}
