package dev.mailhelp.diagnosis.blocklist;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a list lists something; decides the advice and how serious a listing is. */
public enum Category {
    SPAM, EXPLOIT, POLICY, SPAMTRAP, REPUTATION, PHISHING, MALWARE, BOTNET, ABUSED_LEGIT, OTHER;

    /** The id used in the catalogue and in JSON: lower case, {@code abused-legit}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new BlocklistDataException("category", "category-unknown", "id", id,
                "expected", Arrays.stream(values()).map(Category::id).toList());
    }
}
