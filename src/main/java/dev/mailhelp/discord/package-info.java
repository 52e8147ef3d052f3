/**
 * The Discord front end on Javacord: slash and context-menu commands, buttons, select menus,
 * modals and embeds that render the conversation engine's replies and the checks' findings.
 * The only package that imports Javacord.
 */
package dev.mailhelp.discord;
