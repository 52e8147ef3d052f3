/**
 * The whole-domain check: input parsing ({@link dev.mailhelp.diagnosis.domain.DomainName}), the
 * concurrent {@link dev.mailhelp.diagnosis.domain.DomainReport} over MX, SPF, DMARC, DKIM, PTR,
 * MTA-STS and TLS-RPT, and the bulk-sender readiness verdict computed from their findings.
 */
package dev.mailhelp.diagnosis.domain;
