package dev.mailhelp.diagnosis.dnsdata;

import dev.mailhelp.dns.DnsResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/** The TXT records of an answer, each with its character-strings concatenated without separator. */
public final class TxtStrings {

    private TxtStrings() {
    }

    /**
     * SPF (RFC 7208 3.3), DKIM (RFC 6376 3.6.2.2) and DMARC all read a TXT record as its strings
     * joined with nothing in between; a record split at 255 characters is one value again.
     */
    public static List<String> of(DnsResult result) {
        if (!(result instanceof DnsResult.Answer)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Record r : ((DnsResult.Answer) result).records()) {
            if (r instanceof TXTRecord) {
                values.add(String.join("", ((TXTRecord) r).getStrings()));
            }
        }
        return values;
    }

    /**
     * One record's text, its strings' bytes joined and decoded with {@code charset}: SPF reads
     * records as ASCII bytes (ISO-8859-1 keeps every byte visible for the lint), explanations as UTF-8.
     */
    public static String joined(TXTRecord record, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : record.getStringsAsByteArrays()) {
            out.writeBytes(s);
        }
        return out.toString(charset);
    }
}
