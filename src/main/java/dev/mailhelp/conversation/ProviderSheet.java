package dev.mailhelp.conversation;

import dev.mailhelp.knowledge.Messages;
import dev.mailhelp.knowledge.Provider;
import dev.mailhelp.knowledge.ProviderCatalogue;
import java.util.List;
import java.util.Optional;

/**
 * Renders provider data into a step's text ({@code show:} in tree.yaml): limits with their
 * sources, contact links, client settings. With no known provider it lists the catalogue briefly,
 * so the user can find theirs.
 */
final class ProviderSheet {

    private final ProviderCatalogue catalogue;
    private final Messages messages;

    ProviderSheet(ProviderCatalogue catalogue, Messages messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    String render(String show, Optional<String> providerId, String locale) {
        Optional<Provider> provider = providerId.flatMap(catalogue::byId);
        List<Provider> shown = provider.map(List::of).orElse(catalogue.all());
        StringBuilder out = new StringBuilder();
        if (provider.isEmpty()) {
            out.append(messages.get("show.no-provider", locale)).append('\n');
        }
        for (Provider p : shown) {
            switch (show) {
                case "provider-limits" -> limits(p, locale, out, provider.isPresent());
                case "provider-contact" -> {
                    out.append("**").append(p.name()).append("** — ")
                            .append(messages.get("show.status", locale)).append(": <").append(p.statusPage()).append("> · ")
                            .append(messages.get("show.support", locale)).append(": <").append(p.supportPage()).append(">\n");
                    String note = p.contactNote().in(locale);
                    if (provider.isPresent() && !note.isEmpty()) {
                        out.append(note).append('\n');
                    }
                }
                case "smtp-presets" -> presets(p, locale, out, provider.isPresent());
                default -> { }
            }
        }
        return out.toString().strip();
    }

    private void limits(Provider p, String locale, StringBuilder out, boolean detailed) {
        if (p.limits().isEmpty()) {
            // Never a heading with nothing under it: say that nothing is published.
            out.append(messages.get("show.no-limits", locale, "**" + p.name() + "**", p.supportPage())).append('\n');
            return;
        }
        out.append("**").append(p.name()).append("**\n");
        for (Provider.Limit l : p.limits()) {
            out.append("• ").append(messages.get("limit." + l.kind(), locale)).append(": ")
                    .append(l.value().map(v -> String.format(java.util.Locale.ROOT, "%,d", v)).orElse(messages.get("show.not-published", locale)));
            String note = l.note().in(locale);
            if (detailed && !note.isEmpty()) {
                out.append(" — ").append(note);
            }
            out.append(" (").append(messages.get("show.source", locale, "<" + l.source().url() + ">", l.source().checked()))
                    .append(")\n");
        }
        if (detailed && !p.limitCodes().isEmpty()) {
            out.append(messages.get("show.limit-codes", locale, String.join(", ", p.limitCodes()))).append('\n');
        }
    }

    private void presets(Provider p, String locale, StringBuilder out, boolean detailed) {
        if (p.smtp().isEmpty()) {
            // A provider whose settings could not be sourced: say so, never an empty line of settings.
            out.append(messages.get("show.no-presets", locale, "**" + p.name() + "**", p.supportPage())).append('\n');
            String note = p.authNote(locale);
            if (detailed && !note.isEmpty()) {
                out.append("  ").append(note).append('\n');
            }
            return;
        }
        out.append("**").append(p.name()).append("**: ");
        out.append(String.join(" · ", p.smtp().stream()
                .map(s -> s.host() + " : " + s.port() + " (" + messages.get("security." + s.security(), locale) + ")")
                .toList()));
        String note = p.authNote(locale);
        if (detailed && !note.isEmpty()) {
            out.append("\n  ").append(note);
        }
        out.append('\n');
    }
}
