/**
 * SPF (RFC 7208): the record parser, the macro language, the asynchronous {@code check_host()}
 * evaluator that prefetches independent lookups, and the linter behind the {@code spf} findings.
 */
package dev.mailhelp.diagnosis.spf;
