package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The project's real provider catalogue (knowledge/providers.yaml), as the diagnosis uses it. */
final class KnowledgeProviders {

    private static SmtpProviderGuide guide;

    private KnowledgeProviders() {
    }

    static synchronized SmtpProviderGuide guide() {
        if (guide == null) {
            Path dir = Path.of("knowledge");
            guide = new CatalogueSmtpProviders(new Wiring(new Environment(Map.of()), Optional.of(dir)).knowledge().providers());
        }
        return guide;
    }
}
