/** The address guard of the outgoing checks (SMTP probe, MTA-STS fetch) against DNS rebinding and IPv4 hidden in IPv6. */
package dev.mailhelp.diagnosis.guard;
