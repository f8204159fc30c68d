/** The notification campaign pages: servlet, forms, HTML, progress JSON and the results' export. */
package org.callscore.notify.web.internal;
