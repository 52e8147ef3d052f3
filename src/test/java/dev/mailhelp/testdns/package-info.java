/**
 * Test support for DNS: {@link dev.mailhelp.testdns.TestDnsServer}, an in-process authoritative
 * server on 127.0.0.1 that serves zone files and programmatic zones with injectable faults, and
 * the helpers that run the same tests against a real authoritative server (NSD) in CI.
 */
package dev.mailhelp.testdns;
