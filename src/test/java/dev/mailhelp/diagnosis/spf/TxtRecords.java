package dev.mailhelp.diagnosis.spf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** TXT (or type 99 SPF) records built from raw strings, with no master-file escaping in the way. */
final class TxtRecords {

    private TxtRecords() {
    }

    /** Strings are encoded as UTF-8 and must each fit in 255 octets. An empty list gives one empty string. */
    static Record of(Name owner, int type, long ttl, List<String> strings) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        List<String> parts = strings.isEmpty() ? List.of("") : strings;
        for (String s : parts) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > 255) {
                throw new IllegalArgumentException("a TXT character-string holds at most 255 octets: " + s);
            }
            rdata.write(b.length);
            rdata.writeBytes(b);
        }
        return Record.newRecord(owner, type, DClass.IN, ttl, rdata.toByteArray());
    }

    /** A record text split into 255-octet strings the way publishing tools should split it. */
    static Record split(Name owner, long ttl, String text) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return of(owner, org.xbill.DNS.Type.TXT, ttl, parts);
    }
}
