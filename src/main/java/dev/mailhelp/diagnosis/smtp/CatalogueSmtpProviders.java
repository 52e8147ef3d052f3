package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.knowledge.ProviderCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The provider catalogue of the knowledge folder, as the SMTP diagnosis needs it. */
public final class CatalogueSmtpProviders implements SmtpProviderGuide {

    private final ProviderCatalogue catalogue;

    public CatalogueSmtpProviders(ProviderCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<SmtpProviderGuide.Provider> bySmtpHost(String host, String locale) {
        return catalogue.bySmtpHost(host).map(p -> convert(p, locale));
    }

    // The catalogue's Provider is named in full: inside this class "Provider" is the guide's own record.
    private static SmtpProviderGuide.Provider convert(dev.mailhelp.knowledge.Provider p, String locale) {
        List<Preset> presets = p.smtp().stream()
                .filter(s -> !s.security().equals("none"))
                .map(s -> new Preset(s.host(), s.port(), s.security())).toList();
        List<String> sources = new ArrayList<>();
        if (p.auth() != null) {
            p.auth().source().ifPresent(s -> sources.add(s.url() + " (checked " + s.checked() + ")"));
        }
        return new SmtpProviderGuide.Provider(p.id(), p.name(), presets, p.authNote(locale), sources);
    }
}
