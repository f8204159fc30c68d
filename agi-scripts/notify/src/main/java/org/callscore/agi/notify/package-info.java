/** The {@code notify} AGI application: what a person or machine hears when a notification call is answered. */
package org.callscore.agi.notify;
