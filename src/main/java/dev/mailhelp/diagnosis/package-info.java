/**
 * The live checks (DNS records, blocklists, SMTP, bounces) and the value types they share:
 * {@link dev.mailhelp.diagnosis.Finding}, {@link dev.mailhelp.diagnosis.Report},
 * {@link dev.mailhelp.diagnosis.Check}. Nothing here knows about Discord, the terminal or the CLI.
 */
package dev.mailhelp.diagnosis;
