/**
 * MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): the {@code _mta-sts} and {@code _smtp._tls} TXT
 * records, the policy file fetched over HTTPS only from public addresses, its syntax and whether
 * it covers every MX host.
 */
package dev.mailhelp.diagnosis.mtasts;
