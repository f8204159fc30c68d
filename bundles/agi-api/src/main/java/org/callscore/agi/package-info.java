/**
 * The contract between the CallScore FastAGI server and the bundles that provide AGI applications.
 * <p>
 * An AGI application is an {@code org.asteriskjava.fastagi.AgiScript} service carrying the
 * {@value org.callscore.agi.AgiApplication#PROPERTY} property; annotate the component with
 * {@link org.callscore.agi.AgiApplication} and the server serves {@code agi://host/NAME} with it for as long
 * as the service is registered.
 */
@Export
@Version("2.0.0")
package org.callscore.agi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
