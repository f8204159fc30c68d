/**
 * A scripted Asterisk 22 that talks FastAGI to a server under test, byte for byte as
 * {@code res/res_agi.c} does: see {@link org.callscore.testing.asterisk.FastAgiCall}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.callscore.testing.asterisk;
