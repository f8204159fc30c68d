package org.callscore.survey.internal;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;

import org.callscore.storage.Database;
import org.callscore.survey.SurveyResponses;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.TestBundleContext;

/**
 * The survey module's {@link SurveyResponsesComponent}, activated as Declarative Services activates it (the
 * database reference set, the configuration's defaults but for the journal file), for benchmarks outside Karaf.
 */
public final class BenchResponses implements AutoCloseable {

    private final SurveyResponsesComponent component = new SurveyResponsesComponent();

    public BenchResponses(Database database, Path journal) throws ReflectiveOperationException {
        Field field = SurveyResponsesComponent.class.getDeclaredField("database"); // DS sets it so
        field.setAccessible(true);
        field.set(component, database);
        component.activate(new TestBundleContext().context(), ComponentConfig.of(SurveyResponsesComponent.Config.class,
                Map.of("journal_file", journal.toString())));
    }

    public SurveyResponses responses() {
        return component;
    }

    @Override
    public void close() {
        component.deactivate();
    }
}
