package settle.testdata;

import io.camunda.client.api.command.ClientStatusException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import settle.engine.DemoTime;
import settle.engine.EngineCommands;
import settle.history.ProcessHistory;

/**
 * A test class leaves no process waiting for the next class's clock: after the class, every process instance it
 * started and left running is cancelled. Test classes share one engine and one clock; without this, each class that
 * moves the clock by days chased every earlier class's open invoices on the way (reminders, heads-ups, calls, mails),
 * and the suite's time grew with its length. Instances running before the class are left alone, and so are those of
 * another context's engine when contexts share a database (its history names a run of its own).
 */
public final class LeftoverInstances implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(LeftoverInstances.class);
  private static final String RUNNING = """
      select run || ':' || process_instance_key from history_element
      where element_type = 'PROCESS' and parent_process_instance_key is null and ended_at is null""";

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(HERE).put("running", running(SpringExtension.getApplicationContext(context)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    DemoTime demoTime = application.getBean(DemoTime.class);
    EngineCommands engine = application.getBean(EngineCommands.class);
    ProcessHistory history = application.getBean(ProcessHistory.class);
    demoTime.awaitIdle();
    Set<String> left = running(application);
    left.removeAll(context.getStore(HERE).get("running", Set.class));
    for (String runAndKey : left) {
      long key = Long.parseLong(runAndKey.substring(runAndKey.indexOf(':') + 1));
      // this engine's history knows the key only if the instance is this engine's
      if (history.instance(key).filter(h -> "ACTIVE".equals(h.instance().state())).isEmpty()) {
        continue;
      }
      try {
        engine.call(client -> client.newCancelInstanceCommand(key).send().join());
      } catch (ClientStatusException e) {
        // it ended between the query and the command: nothing left to cancel
      }
    }
    demoTime.awaitIdle();
  }

  private static Set<String> running(ApplicationContext application) {
    // the history copies the engine's records every half second: what started a moment ago must be in it first
    application.getBean(ProcessHistory.class).catchUp();
    List<String> rows = application.getBean(JdbcTemplate.class).queryForList(RUNNING, String.class);
    return new HashSet<>(rows);
  }
}
