/**
 * What the survey and IVR menu catalogs share: a folder of definition files read again every few seconds, and
 * the sounds Asterisk could not play, per file. Only bundles with such a catalog copy it. Embedded privately,
 * never exported.
 */
package org.callscore.support.catalog;
