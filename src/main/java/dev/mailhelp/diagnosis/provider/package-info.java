/**
 * Recognising the mail provider of a domain from its MX host names (the sending-limits and
 * contact branches need it), behind a small interface the knowledge catalogue plugs into.
 */
package dev.mailhelp.diagnosis.provider;
