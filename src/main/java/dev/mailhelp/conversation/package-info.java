/**
 * The conversation engine: a state machine over the knowledge tree that turns a user's step into a
 * platform-neutral {@link dev.mailhelp.conversation.Reply}. No Discord, terminal or CLI types here.
 */
package dev.mailhelp.conversation;
