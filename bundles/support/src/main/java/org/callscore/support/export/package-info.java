/** Tables as the dashboards export them: CSV (Commons CSV) and XLSX (fastexcel, embedded by the bundle that writes it). Embedded privately, never exported. */
package org.callscore.support.export;
