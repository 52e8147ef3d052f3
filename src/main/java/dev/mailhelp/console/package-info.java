/** The terminal front end: the same conversation as Discord, as numbered choices and typed input. */
package dev.mailhelp.console;
