package dev.mailhelp.diagnosis.blocklist;

import java.util.Comparator;
import java.util.List;

/**
 * How urgent a listing is and which article explains it, by category. What to do (clean up the
 * cause first, then ask for removal, since asking before the cause is gone gets the address
 * listed again, often for longer) is in the catalogues, {@code blocklist.advice.*}.
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
