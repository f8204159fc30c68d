package org.callscore.itests;

/**
 * A user of Karaf's realm that a test logs in to the dashboard as: the login name, its password and its roles
 * (separated by commas), said together once.
 */
record DashboardUser(String name, String password, String roles) {
}
