/**
 * Test SMTP servers on 127.0.0.1: a scripted server that misbehaves on purpose (hangs, refusing
 * greetings, broken STARTTLS, odd AUTH offers, plaintext on 465) and the certificates it presents,
 * generated per test with BouncyCastle.
 */
package dev.mailhelp.testsmtp;
