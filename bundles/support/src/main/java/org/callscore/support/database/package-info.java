/**
 * Writes to MariaDB made while a caller waits, bounded in time, and the rule that tells a failure worth a retry
 * from one MariaDB will always refuse. Given the database as plain values (its Jdbi, a health-check request), so
 * the support library does not depend on storage. Embedded privately, never exported.
 */
package org.callscore.support.database;
