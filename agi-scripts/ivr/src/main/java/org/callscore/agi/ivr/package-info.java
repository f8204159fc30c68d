/** The ivr AGI application: voice menus that hand the caller back to the dialplan with a destination. */
package org.callscore.agi.ivr;
