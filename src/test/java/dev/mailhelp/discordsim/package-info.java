/**
 * An in-process simulation of the parts of Discord that Javacord uses (CONNECT proxy with TLS
 * termination, REST API, gateway websocket), with Discord's validation and timing rules, and a
 * small API for tests to act as users. Test code only; it listens on 127.0.0.1 and never forwards.
 */
package dev.mailhelp.discordsim;
