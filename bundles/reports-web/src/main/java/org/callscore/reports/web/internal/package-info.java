/** The reports on the web: servlets, the login, the JSON writer and the CSV and XLSX export. */
package org.callscore.reports.web.internal;
