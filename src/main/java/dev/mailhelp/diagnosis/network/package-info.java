/**
 * Who owns an IP address on the internet: its reverse DNS name and the network (autonomous system)
 * that announces it, read from Team Cymru's IP-to-ASN data published in DNS. An optional detail
 * beside the blocklist check: it tells users whether a listed address is their own or their provider's.
 */
package dev.mailhelp.diagnosis.network;
