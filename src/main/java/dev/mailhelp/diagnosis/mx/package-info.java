/**
 * MX records: the exchanges and their addresses, null MX (RFC 7505), aliases and IP literals,
 * the implicit address fallback when there is no MX, and the mail provider they reveal.
 */
package dev.mailhelp.diagnosis.mx;
