package dev.mailhelp.diagnosis.message;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Received field (RFC 5321 4.4): who handed the message to whom, when, and whether the hop
 * says it used TLS. Hops are listed oldest first by {@link #hops(MessageText)}.
 *
 * @param from      the name after {@code from} (the client's HELO), empty when absent
 * @param by        the name after {@code by} (the receiving server)
 * @param clientIp  the address in brackets in the from clause, empty when absent
 * @param time      the date after the last ';', empty when missing or unreadable
 * @param delaySeconds seconds since the previous hop (the Date field for the first), empty when a time is missing
 * @param tls       {@code yes} (ESMTPS, or a TLS version in the field), {@code no} (SMTP/ESMTP), or {@code unknown}
 */
public record ReceivedHop(String from, String by, String clientIp, Optional<Instant> time, Optional<Long> delaySeconds,
                          String tls) {

    private static final Pattern FROM = Pattern.compile("(?i)(?:^|\\s)from\\s+([^\\s;()]+)");
    private static final Pattern BY = Pattern.compile("(?i)(?:^|\\s|\\))by\\s+([^\\s;()]+)");
    private static final Pattern IP = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)\\]");
    /** Microsoft writes the client's address in parentheses without brackets: "from host (10.0.0.1) by". */
    private static final Pattern IP_IN_PARENS = Pattern.compile("\\(\\s*([0-9A-Fa-f:.]{7,})\\s*\\)");
    /** Yahoo writes "from 192.0.2.1 (EHLO mail.example.com) by": the address first, the HELO name in the comment. */
    private static final Pattern EHLO_COMMENT = Pattern.compile("(?i)\\((?:EHLO|HELO)\\s+([^\\s()]+)\\)");
    private static final Pattern WITH = Pattern.compile("(?i)\\swith\\s+([A-Za-z0-9]+)");
    private static final Pattern TLS_WORDS = Pattern.compile("(?i)(TLSv?1[._]?[0-3]|version=TLS|cipher=)");

    public static List<ReceivedHop> hops(MessageText message) {
        List<HeaderField> fields = message.all("Received");
        List<ReceivedHop> out = new ArrayList<>();
        Optional<Instant> previous = message.first("Date").flatMap(d -> date(d.value()));
        for (int i = fields.size() - 1; i >= 0; i--) {
            String v = fields.get(i).value();
            int semi = v.lastIndexOf(';');
            String clauses = semi < 0 ? v : v.substring(0, semi);
            Optional<Instant> time = semi < 0 ? Optional.empty() : date(v.substring(semi + 1));
            Optional<Long> delay = time.isPresent() && previous.isPresent()
                    ? Optional.of(time.get().getEpochSecond() - previous.get().getEpochSecond()) : Optional.empty();
            String from = group(FROM, clauses);
            String ip = group(IP, clauses);
            String fromClause = clauses.contains(" by ") ? clauses.substring(0, clauses.indexOf(" by ")) : clauses;
            if (ip.isEmpty() && Connection.address(from).isPresent()) {
                ip = from;
                String ehlo = group(EHLO_COMMENT, fromClause);
                from = ehlo.isEmpty() ? from : ehlo;
            }
            if (ip.isEmpty()) {
                String inParens = group(IP_IN_PARENS, fromClause);
                ip = Connection.address(inParens).isPresent() ? inParens : "";
            }
            out.add(new ReceivedHop(from, group(BY, clauses), ip, time, delay, tls(clauses)));
            previous = time;
        }
        return out;
    }

    private static String tls(String clauses) {
        Matcher with = WITH.matcher(clauses);
        String protocol = with.find() ? with.group(1).toUpperCase(Locale.ROOT) : "";
        // SMTPS: Gmail and Yahoo ("with SMTPS id", "with SMTPs") for a hop over TLS
        if (protocol.startsWith("ESMTPS") || protocol.equals("UTF8SMTPS") || protocol.startsWith("ESMTPSA") || protocol.equals("SMTPS")
                || TLS_WORDS.matcher(clauses).find()) {
            return "yes";
        }
        if (protocol.equals("SMTP") || protocol.equals("ESMTP") || protocol.equals("ESMTPA") || protocol.equals("LMTP")) {
            return "no";
        }
        return "unknown";
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : "";
    }

    /** An RFC 5322 date, with the weekday optional, comments such as (PDT) dropped, GMT/UT allowed. */
    static Optional<Instant> date(String text) {
        String t = AuthenticationResults.withoutComments(text).replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        t = t.replaceAll(" UT$", " GMT");
        try {
            return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
