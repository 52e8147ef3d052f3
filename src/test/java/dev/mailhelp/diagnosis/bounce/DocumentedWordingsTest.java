package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every wording documented by an MTA's source or documentation reads to its reason. */
class DocumentedWordingsTest {

    @Test
    void everyDocumentedWording_readsToItsReason() {
        BounceReader reader = Fixtures.reader();
        List<String> wrong = new ArrayList<>();
        List<DocumentedWordings.Wording> all = DocumentedWordings.all();
        for (DocumentedWordings.Wording w : all) {
            RecipientResult r = DocumentedWordings.read(reader, w);
            String got = r == null ? "(not a bounce)" : r.reason();
            if (!got.equals(w.reason())) {
                wrong.add(w.mta() + ": expected " + w.reason() + ", read " + got + " <- " + w.text());
            }
        }
        assertTrue(all.size() >= 80, "documented wordings: " + all.size());
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + all.size() + " misread:\n" + String.join("\n", wrong));
    }
}
