package dev.mailhelp.diagnosis.spf;

/** One term of a record: a directive or a modifier. */
public sealed interface Term permits Mechanism, Modifier {

    int position();

    String text();
}
