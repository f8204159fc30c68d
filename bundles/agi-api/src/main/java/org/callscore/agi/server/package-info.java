/**
 * What the running FastAGI server tells an administrator about itself ({@code callscore:status}). Its own
 * package, versioned apart from {@link org.callscore.agi}: the server provides this service, so it imports
 * this package within a minor version, while it only consumes the application contract and so imports that
 * within a major version.
 */
@Export
@Version("1.0.0")
package org.callscore.agi.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
