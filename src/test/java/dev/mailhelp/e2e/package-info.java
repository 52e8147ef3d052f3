/** End-to-end tests: whole conversations through a front end with the real checks against servers on 127.0.0.1. */
package dev.mailhelp.e2e;
