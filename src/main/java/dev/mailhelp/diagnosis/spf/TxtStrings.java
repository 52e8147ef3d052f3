package dev.mailhelp.diagnosis.spf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.xbill.DNS.TXTRecord;

/** The text of a TXT record: its character-strings joined with nothing between (RFC 7208 3.3). */
final class TxtStrings {

    private TxtStrings() {
    }

    static String joined(TXTRecord record, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : record.getStringsAsByteArrays()) {
            out.writeBytes(s);
        }
        return out.toString(charset);
    }

    /** Lengths of the character-strings, for the "split wrongly" lint. */
    static List<Integer> lengths(TXTRecord record) {
        return record.getStringsAsByteArrays().stream().map(b -> b.length).toList();
    }
}
