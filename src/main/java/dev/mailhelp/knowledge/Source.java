package dev.mailhelp.knowledge;

import java.time.LocalDate;

/** Where a fact comes from and when someone last checked it there. */
public record Source(String url, LocalDate checked) { }
