package dev.mailhelp.diagnosis.dnsdata;

import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.dns.DnsResult;
import org.xbill.DNS.Type;

/** Describes a DNS outcome in words, for the evidence of a finding. */
public final class LookupText {

    private LookupText() {
    }

    /**
     * E.g. {@code TXT _dmarc.example.com: TIMEOUT}: the question and the DNS outcome in protocol
     * words only, so the same evidence reads in every language.
     */
    public static String describe(DnsResult result) {
        String q = query(result);
        if (result instanceof DnsResult.NxDomain) {
            return q + ": NXDOMAIN";
        }
        if (result instanceof DnsResult.NoData) {
            return q + ": NODATA";
        }
        if (result instanceof DnsResult.Failure) {
            return q + ": " + ((DnsResult.Failure) result).kind().name();
        }
        return q + ": NOERROR";
    }

    /**
     * The query of a DNS outcome as protocol text, e.g. {@code TXT _dmarc.example.com}: a value for
     * catalogue sentences, the same in every language.
     */
    public static String query(DnsResult result) {
        return Type.string(result.type()) + " " + withoutDot(result.name().toString());
    }

    /**
     * Why a lookup failed, as the catalogue phrase {@code dns.failure} (SERVFAIL, refused, timeout...),
     * rendered in the reader's language.
     */
    public static Phrase failure(DnsResult.FailureKind kind) {
        return Phrase.of("dns.failure").with("kind", kind.id());
    }

    /** "Could not look up {query}: {failure}." as a phrase, for the start of could-not-check sentences. */
    public static Phrase couldNotLookUpPhrase(DnsResult.Failure failure) {
        return Phrase.of("dns.could-not-look-up").with("query", query(failure)).with("failure", failure(failure.kind()));
    }

    /** The sentence a "could not check" finding starts with. */
    public static String couldNotLookUp(DnsResult.Failure failure) {
        return "Could not look up " + Type.string(failure.type()) + " " + withoutDot(failure.name().toString())
                + ": " + failureWords(failure.kind()) + ".";
    }

    public static String failureWords(DnsResult.FailureKind kind) {
        switch (kind) {
            case SERVFAIL:
                return "the DNS server answered SERVFAIL (it could not get an answer)";
            case REFUSED:
                return "the DNS server refused the query";
            case TIMEOUT:
                return "no answer from the DNS server in time";
            case NETWORK:
                return "a network error reaching the DNS server";
            case MALFORMED:
                return "the DNS answer was malformed";
            case CNAME_LOOP:
                return "the name's CNAME records form a loop (a DNS fault)";
            case WRONG_NAME:
                return "the DNS server answered for another name (a DNS fault, not a missing record)";
            default:
                return "the lookup failed";
        }
    }

    public static String withoutDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
