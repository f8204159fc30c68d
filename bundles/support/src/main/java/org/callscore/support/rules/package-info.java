/**
 * The one place for each identifier rule: queue names, the names of surveys, menus and questions, uniqueids and
 * CallScore's own UUIDs, IP literals, the Asterisk server's name, recording formats, numbers CallScore may dial,
 * a node's name among the diallers sharing a database, the names of Asterisk's tables, and a site's telephone
 * number plan. Embedded privately, never exported. (The site's time zone is a setting, not a rule: the
 * {@code org.callscore.site.SiteZone} service.)
 */
package org.callscore.support.rules;
