/**
 * Small readers over {@link dev.mailhelp.dns.DnsResult} shared by the domain checks: TXT strings
 * joined the way the mail RFCs require, and failures described in words a user can act on.
 */
package dev.mailhelp.diagnosis.dnsdata;
