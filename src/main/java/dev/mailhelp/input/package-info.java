/**
 * Reading what a person typed as a domain, a server, an IP address or a DKIM selector: one parser
 * for every front end, answering with the normalised value or a stable problem code that each
 * front end words in its language. Never touches the network.
 */
package dev.mailhelp.input;
