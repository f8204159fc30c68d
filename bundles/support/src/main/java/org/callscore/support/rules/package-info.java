/**
 * The one place for each identifier rule (queue, survey and menu names, uniqueids, IP literals) and the
 * site-zone setting every module reads. Embedded privately, never exported.
 */
package org.callscore.support.rules;
