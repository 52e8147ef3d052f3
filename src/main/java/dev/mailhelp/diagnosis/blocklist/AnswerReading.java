package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;

/**
 * How the A answer of a list is read (RFC 5782 plus each list's conventions), in one place:
 * listed with these codes, not listed, or an answer that must not be trusted.
 */
final class AnswerReading {

    sealed interface Reading permits Listed, NotListed, Untrusted { }

    record Listed(List<ListResult.Match> matches) implements Reading { }

    record NotListed() implements Reading { }

    record Untrusted(String reason, ListResult.Cause cause) implements Reading { }

    private AnswerReading() {
    }

    static Reading read(Blocklist list, DnsResult result) {
        if (result.isEmpty()) {
            return new NotListed();
        }
        if (result instanceof DnsResult.Failure) {
            DnsResult.Failure f = (DnsResult.Failure) result;
            ListResult.Cause cause = switch (f.kind()) {
                case REFUSED -> ListResult.Cause.REFUSED;
                case TIMEOUT, NETWORK -> ListResult.Cause.NO_ANSWER;
                default -> ListResult.Cause.OTHER;
            };
            return new Untrusted(f.kind().id() + ": " + f.detail(), cause);
        }
        DnsResult.Answer answer = (DnsResult.Answer) result;
        List<Integer> addresses = new ArrayList<>();
        for (Record r : answer.records()) {
            if (r instanceof ARecord) {
                addresses.add(AddressRange.toInt(((ARecord) r).getAddress()));
            }
        }
        if (addresses.isEmpty()) {
            return new Untrusted("the answer has no IPv4 address", ListResult.Cause.OTHER);
        }
        for (int a : addresses) {
            Optional<ReturnCode> error = list.errors().stream().filter(e -> e.code().contains(a)).findFirst();
            if (error.isPresent()) {
                return new Untrusted("the list answered " + AddressRange.text(a) + ", an error code: " + error.get().meaning("en"),
                        ListResult.Cause.REFUSED);
            }
        }
        for (int a : addresses) {
            if ((a >>> 24) != 127) {
                return new Untrusted("unexpected answer " + AddressRange.text(a) + ", outside 127.0.0.0/8 where listings live:"
                        + " the list may have shut down, or the DNS resolver rewrites answers", ListResult.Cause.OTHER);
            }
            if (a == 0x7f000001) {
                return new Untrusted("the list answered 127.0.0.1, which RFC 5782 reserves for 'never listed';"
                        + " lists use it to refuse queries (e.g. from public resolvers)", ListResult.Cause.REFUSED);
            }
        }
        List<ListResult.Match> matches = new ArrayList<>();
        for (int a : addresses) {
            if (list.match() == Blocklist.Match.BITMASK) {
                matches.addAll(bits(list, a));
            } else {
                matches.add(new ListResult.Match(AddressRange.text(a),
                        list.codes().stream().filter(c -> c.code().contains(a)).findFirst().orElse(null)));
            }
        }
        return new Listed(matches);
    }

    private static List<ListResult.Match> bits(Blocklist list, int address) {
        List<ListResult.Match> out = new ArrayList<>();
        if ((address & 0xffffff00) != 0x7f000000) {
            out.add(new ListResult.Match(AddressRange.text(address), null));
            return out;
        }
        int octet = address & 255;
        for (int bit = 1; bit < 256; bit <<= 1) {
            if ((octet & bit) != 0) {
                int code = 0x7f000000 | bit;
                out.add(new ListResult.Match(AddressRange.text(code),
                        list.codes().stream().filter(c -> c.code().first() == code).findFirst().orElse(null)));
            }
        }
        return out;
    }
}
