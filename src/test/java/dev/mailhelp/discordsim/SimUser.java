package dev.mailhelp.discordsim;

/** A person using Discord in the simulation. */
public record SimUser(long id, String name) {
}
