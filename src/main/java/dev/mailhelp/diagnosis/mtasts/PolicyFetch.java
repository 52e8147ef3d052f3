package dev.mailhelp.diagnosis.mtasts;

import java.util.List;

/** The outcome of fetching an MTA-STS policy file; every way it can go stays distinct. */
public sealed interface PolicyFetch {

    /** HTTP 200 with a body. */
    record Fetched(String url, String address, String contentType, String body) implements PolicyFetch { }

    /** The server answered, but not 200 (RFC 8461: only 200 counts; redirects are not followed). */
    record HttpStatus(String url, String address, int status, String statusLine) implements PolicyFetch { }

    /** The TLS handshake failed: the certificate is not valid for the host, expired, or untrusted. */
    record TlsFailure(String url, String address, String detail) implements PolicyFetch { }

    /** {@code mta-sts.<domain>} does not resolve (NXDOMAIN or no address). */
    record NoAddress(String host, String evidence) implements PolicyFetch { }

    /** Not fetched because every address is not public (loopback, private, link-local...). */
    record NotPublic(String host, List<String> refusals) implements PolicyFetch { }

    /** Could not fetch: DNS failure, connection refused, response too large or malformed. */
    record Unreachable(String url, String detail) implements PolicyFetch { }

    /**
     * No answer in time: the policy host's address lookup or the HTTPS server. The policy is an
     * optional detail of the MTA-STS check (issue #12), so this leaves the detail missing rather
     * than making the whole check "could not check".
     */
    record TimedOut(String url, String detail) implements PolicyFetch { }
}
