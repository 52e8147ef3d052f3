/**
 * DKIM key records (RFC 6376 3.6.1, RFC 8463): selector discovery from the user's selectors, the
 * common ones and the provider catalogue; key type, size, revocation, testing flag and syntax.
 */
package dev.mailhelp.diagnosis.dkim;
