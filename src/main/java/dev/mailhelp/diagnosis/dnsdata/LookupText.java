package dev.mailhelp.diagnosis.dnsdata;

import dev.mailhelp.dns.DnsResult;
import org.xbill.DNS.Type;

/** Describes a DNS outcome in words, for the evidence of a finding. */
public final class LookupText {

    private LookupText() {
    }

    /** E.g. {@code TXT _dmarc.example.com: timeout (no answer after 3 tries)}. */
    public static String describe(DnsResult result) {
        String q = Type.string(result.type()) + " " + withoutDot(result.name().toString());
        if (result instanceof DnsResult.NxDomain) {
            return q + ": NXDOMAIN (the name does not exist)";
        }
        if (result instanceof DnsResult.NoData) {
            return q + ": no record of this type (NODATA)";
        }
        if (result instanceof DnsResult.Failure) {
            DnsResult.Failure f = (DnsResult.Failure) result;
            String detail = f.detail() == null || f.detail().isBlank() ? "" : " (" + f.detail() + ")";
            return q + ": " + f.kind().id() + detail;
        }
        return q + ": answered";
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
