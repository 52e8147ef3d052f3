/** Benchmarks: main classes run with exec:java against the in-process test servers; results go to docs/. */
package dev.mailhelp.bench;
