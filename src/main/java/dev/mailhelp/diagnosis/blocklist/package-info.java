/**
 * DNS blocklist checks: the catalogue of lists ({@code knowledge/blocklists.yaml}), querying an IP
 * or a domain against every list concurrently, and turning each answer into exactly one of
 * listed / not listed / could not check, with advice that fits the listing.
 */
package dev.mailhelp.diagnosis.blocklist;
