/**
 * DMARC per RFC 9989 (DMARCbis): the record grammar (RFC 7489 records still read), policy
 * discovery and the organisational domain by the DNS tree walk, report-destination verification,
 * and the findings that explain weak policies.
 */
package dev.mailhelp.diagnosis.dmarc;
