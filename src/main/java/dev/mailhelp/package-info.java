/** mailhelp: the entry point and the composition root that wires knowledge, checks, engine and front ends. */
package dev.mailhelp;
