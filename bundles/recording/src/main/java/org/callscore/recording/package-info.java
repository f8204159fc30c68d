/**
 * The recording index: every call recording (queue calls, whole calls, IVR, survey voice comments, voicemail
 * messages) with its caller, agent, queue, times and survey scores, searchable at millions of rows; listening
 * through it only, each access and refusal logged; legal holds. Models and services only; the recording module is
 * the only reader of its tables and the only one that opens recording files.
 */
@Export
@Version("1.2.0")
package org.callscore.recording;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
