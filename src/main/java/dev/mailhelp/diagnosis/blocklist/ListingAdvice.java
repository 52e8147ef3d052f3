package dev.mailhelp.diagnosis.blocklist;

import java.util.Comparator;
import java.util.List;

/**
 * What to do about a listing, by category: clean up the cause first, then ask for removal.
 * Asking for removal before the cause is gone gets the address listed again, often for longer.
 */
final class ListingAdvice {

    /** Most urgent first: an infected device outranks everything, a policy listing is the mildest. */
    private static final List<Category> URGENCY = List.of(Category.BOTNET, Category.EXPLOIT, Category.MALWARE,
            Category.PHISHING, Category.SPAMTRAP, Category.SPAM, Category.REPUTATION, Category.ABUSED_LEGIT,
            Category.OTHER, Category.POLICY);

    private ListingAdvice() {
    }

    static Category mostUrgent(List<Category> categories) {
        return categories.stream().min(Comparator.comparingInt(URGENCY::indexOf)).orElse(Category.OTHER);
    }

    static String fix(Category category) {
        switch (category) {
            case POLICY:
                return "This is a policy listing, not a spam listing: the address is an end-user or dynamic address"
                        + " that should not deliver mail directly to other servers. Send through your provider's"
                        + " SMTP server (port 587 with authentication) instead of directly from this connection.";
            case EXPLOIT:
            case BOTNET:
            case MALWARE:
                return "A device or account behind this address is probably compromised. Before asking for removal:"
                        + " scan every computer, phone and router on this network for malware, update their software,"
                        + " and change the passwords of all mail accounts used from here. Otherwise the address is"
                        + " listed again within hours.";
            case SPAMTRAP:
                return "Mail from this address reached spam traps: addresses that never signed up for anything."
                        + " Look for a compromised mail account (change its password, check its sent mail) or a"
                        + " mailing list with old, bought or unconfirmed addresses; fix that before asking for removal.";
            case PHISHING:
                return "The address or domain is tied to phishing. If you did not send it, treat it as a compromise:"
                        + " change passwords, check websites and mail accounts for intruders, remove the phishing"
                        + " content, then ask for removal.";
            case ABUSED_LEGIT:
                return "A legitimate site or service is being abused (e.g. a hacked website or an open redirect)."
                        + " Find and remove the abusive content, close the hole, then ask for removal.";
            case REPUTATION:
                return "The listing is about reputation, often of the network around the address. If you share this"
                        + " address or network (hosting, VPN, mobile), ask your provider to act; otherwise find what"
                        + " sends unwanted mail from it and stop it before asking for removal.";
            case SPAM:
            case OTHER:
            default:
                return "Spam was seen from this address. Find what sends it (a compromised account or device, a"
                        + " script, a mailing list without consent) and stop it before asking for removal.";
        }
    }

    static String article(Category category) {
        switch (category) {
            case EXPLOIT:
            case BOTNET:
            case MALWARE:
                return "infected-device";
            case POLICY:
                return "blocklist-listed";
            default:
                return "blocklist-removal";
        }
    }

    /** Policy, reputation and abused-legitimate listings warn; the others are failures. */
    static boolean isWarning(Category category) {
        return category == Category.POLICY || category == Category.REPUTATION || category == Category.ABUSED_LEGIT;
    }
}
