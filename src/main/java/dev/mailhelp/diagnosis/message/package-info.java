/**
 * Reading a delivered message: its header fields, the receiver's Authentication-Results, DKIM and
 * ARC signatures verified here (RFC 6376, RFC 8463, RFC 8617), SPF of the delivering connection and
 * the DMARC verdict of the message, Received hops and bulk-sender headers. Keys and policies are
 * looked up through the project's {@code dns} client; SPF and DMARC reuse their own packages.
 * Nothing in a message is fetched or followed, and no content is logged or kept.
 */
package dev.mailhelp.diagnosis.message;
