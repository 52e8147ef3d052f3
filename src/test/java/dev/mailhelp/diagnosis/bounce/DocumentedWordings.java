package dev.mailhelp.diagnosis.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wordings of {@code src/test/resources/bounces/documented-wordings.tsv}: what mail servers
 * emit, written from each MTA's source code or documentation (not from sample mail), with the
 * reason each must be read as.
 */
public final class DocumentedWordings {

    /** One documented wording. */
    public record Wording(String mta, String reason, String source, String text) {
        /** The family it counts as in the cross-validation. */
        public String family() {
            return "documented:" + mta;
        }
    }

    private DocumentedWordings() {
    }

    public static List<Wording> all() {
        try (InputStream in = DocumentedWordings.class.getResourceAsStream("/bounces/documented-wordings.tsv")) {
            if (in == null) {
                throw new IllegalStateException("test resource /bounces/documented-wordings.tsv missing");
            }
            List<Wording> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                if (f.length != 4) {
                    throw new IllegalStateException("documented-wordings.tsv: expected 4 tab-separated columns in: " + line);
                }
                out.add(new Wording(f[0], f[1], f[2], f[3]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reading of one wording as a user would paste it; null when it is not read as a bounce. */
    public static RecipientResult read(BounceReader reader, Wording w) {
        try {
            return reader.read(w.text()).results().get(0);
        } catch (UnreadableBounceException e) {
            return null;
        }
    }
}
