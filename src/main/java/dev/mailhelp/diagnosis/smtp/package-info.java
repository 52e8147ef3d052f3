/**
 * Branch 3, "my mail app cannot log in or connect": the SMTP server probe (on Angus Mail), the
 * address guard that keeps it away from internal networks, the diagnoses it turns into findings,
 * and the credential detector used on every free-text input.
 */
package dev.mailhelp.diagnosis.smtp;
