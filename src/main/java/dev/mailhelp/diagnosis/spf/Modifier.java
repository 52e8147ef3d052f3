package dev.mailhelp.diagnosis.spf;

/**
 * A modifier: {@code redirect=}, {@code exp=} or an unknown one (kept so the linter can show it).
 *
 * @param name     lower case
 * @param value    the parsed value (a domain-spec for redirect and exp, a macro string otherwise)
 * @param position offset of the term in the record text
 */
public record Modifier(String name, MacroString value, int position, String text) implements Term {
}
