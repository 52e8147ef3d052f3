/** Table-driven fault injection across every check: DNS faults become "could not check", never "fail" or a crash. */
package dev.mailhelp.diagnosis.faults;
