/** The recording module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema(RecordingIndex.SCHEMA)
package org.callscore.recording.internal;

import org.callscore.recording.RecordingIndex;
import org.callscore.storage.ModuleSchema;
