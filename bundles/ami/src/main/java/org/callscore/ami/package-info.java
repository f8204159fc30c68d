/**
 * The Asterisk Manager Interface (AMI) as CallScore's modules use it: one {@link AsteriskManager} service per
 * configured Asterisk server, which keeps its connection up (reconnecting, and noticing a connection that went
 * silent), places calls with Originate and hands AMI events to {@link AmiEventListener} services. No other
 * bundle opens AMI; nothing here exposes asterisk-java's classes, so its updates never refresh the modules.
 */
@Export
@Version("1.1.0")
package org.callscore.ami;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
