/**
 * The asynchronous resolver on dnsjava: concurrent, cached, with timeouts, retries and TCP
 * fallback. Failures are turned into {@link dev.mailhelp.dns.DnsResult} values here, in one place.
 */
package dev.mailhelp.dns;
