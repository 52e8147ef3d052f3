/** One-shot commands (picocli): checks, SPF evaluation, bounce reading, knowledge validation; text or JSON output. */
package dev.mailhelp.cli;
