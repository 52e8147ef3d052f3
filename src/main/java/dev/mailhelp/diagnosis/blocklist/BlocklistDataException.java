package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.knowledge.Problems;
import dev.mailhelp.knowledge.Wording;

/**
 * A refusal of the blocklist catalogue's data model, worded from the catalogue
 * ({@code knowledge.problem.list-*}) so {@code mailhelp knowledge validate} reports it in the
 * reader's language; its message is the English wording, for logs. It names the field it is about,
 * so the problem is put where that field was written.
 */
final class BlocklistDataException extends IllegalArgumentException {

    private final String field;
    private final transient Wording wording;

    /**
     * @param field          the field the refusal is about, or null
     * @param id             the problem, {@code knowledge.problem.list-<id>}
     * @param namesAndValues its values, as name, value...
     */
    BlocklistDataException(String field, String id, Object... namesAndValues) {
        this(field, Problems.problem("list-" + id, namesAndValues));
    }

    private BlocklistDataException(String field, Wording wording) {
        super(wording.toString());
        this.field = field;
        this.wording = wording;
    }

    String field() {
        return field;
    }

    Wording wording() {
        return wording;
    }

    /** The list a refusal is about, for its sentence: "list spamhaus-zen", or "a list" before its id is known. */
    static Wording where(String id) {
        return id == null ? Problems.what("a-list") : Problems.what("list", "id", id);
    }
}
