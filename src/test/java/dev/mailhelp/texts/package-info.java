/** Test support for the per-language catalogues: findings rendered as users read them. */
package dev.mailhelp.texts;
