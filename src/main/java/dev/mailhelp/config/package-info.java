/** Settings from the environment and {@code .env}, and where to find the knowledge folder. */
package dev.mailhelp.config;
