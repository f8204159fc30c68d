/** The dashboard's login session, read by every bundle whose pages join the dashboard. Embedded privately, never exported. */
package org.callscore.support.web;
