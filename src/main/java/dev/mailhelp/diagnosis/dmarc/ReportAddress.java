package dev.mailhelp.diagnosis.dmarc;

import java.util.Locale;

/** The parts of a {@code mailto:} report URI from rua / ruf. */
final class ReportAddress {

    private ReportAddress() {
    }

    /** {@code mailto:dmarc@example.com!10m} gives {@code dmarc@example.com}. */
    static String address(String uri) {
        String a = uri.substring("mailto:".length());
        int bang = a.indexOf('!');
        if (bang >= 0) {
            a = a.substring(0, bang);
        }
        int q = a.indexOf('?');
        if (q >= 0) {
            a = a.substring(0, q);
        }
        return a.strip();
    }

    /** The domain that receives the reports, lower case without trailing dot. */
    static String domain(String uri) {
        String a = address(uri);
        String d = a.substring(a.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
