/** The platform's own console command, {@code callscore:status}: private, found through Karaf-Commands. */
package org.callscore.console.internal;
