/**
 * Reverse DNS of sending addresses: the PTR record, forward confirmation (FCrDNS) and names that
 * look generic or dynamic, which receivers such as Gmail treat as a sign of a home connection.
 */
package dev.mailhelp.diagnosis.ptr;
