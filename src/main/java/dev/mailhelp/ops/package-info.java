/**
 * Running mailhelp as a service: the health and metrics port, the metrics themselves (fed by
 * observers the composition root attaches to the front ends, the checks and the resolver, never by
 * code inside a check), knowledge reload and the process signals. No metric label carries personal
 * data: labels are check ids, outcomes, list ids from the catalogue and interaction kinds.
 */
package dev.mailhelp.ops;
