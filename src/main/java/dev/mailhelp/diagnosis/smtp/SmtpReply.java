package dev.mailhelp.diagnosis.smtp;

/** One server reply: the code and the full text (all lines, as received). */
public record SmtpReply(int code, String text) {

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }
}
