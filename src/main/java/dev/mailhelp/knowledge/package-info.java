/**
 * Loads and validates the knowledge folder that support staff edit (conversation tree, articles,
 * provider catalogue, interface texts) with precise problems: file, line, column, what is wrong
 * and what was expected.
 */
package dev.mailhelp.knowledge;
