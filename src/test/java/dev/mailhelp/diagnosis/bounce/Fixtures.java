package dev.mailhelp.diagnosis.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The rules from the project's knowledge folder and the small hand-written test bounces. */
final class Fixtures {

    private static BounceReader reader;

    private Fixtures() {
    }

    static synchronized BounceReader reader() {
        if (reader == null) {
            try {
                reader = new BounceReader(BounceRules.load(Path.of("knowledge")));
            } catch (BounceRulesException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return reader;
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bounces/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test fixture /bounces/" + name + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
