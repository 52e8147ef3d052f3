/** Tests that keep the architecture's rules: which package may depend on which. */
package dev.mailhelp.architecture;
