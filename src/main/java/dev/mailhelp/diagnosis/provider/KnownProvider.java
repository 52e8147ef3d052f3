package dev.mailhelp.diagnosis.provider;

import java.util.List;

/** A mail provider as the domain checks need it: its id, display name and DKIM selectors. */
public record KnownProvider(String id, String name, List<String> dkimSelectors) {
    public KnownProvider {
        dkimSelectors = List.copyOf(dkimSelectors);
    }
}
