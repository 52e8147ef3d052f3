/**
 * Property-based fuzzing of every parser that takes outside input: seeded random mutations of
 * real inputs from the test data, each run against the parser's invariants (no exception but the
 * documented one, no hang, well-formed output). {@code ParserFuzzTest} runs a short seeded run in
 * the build; {@code dev.mailhelp.bench.ParserFuzzBenchmark} runs a million inputs per parser.
 */
package dev.mailhelp.fuzz;
