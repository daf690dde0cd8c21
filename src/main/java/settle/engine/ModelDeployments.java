package settle.engine;

import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of what Settle deployed to the engine (table {@code model_deployment}) and the one way Settle
 * deploys: the files go to the engine together and each is recorded with the engine's answer.
 */
@Component
public class ModelDeployments {

  private static final long DEPLOY_LOCK = 0x5e771e_d3b1L;
  private static final String COLUMNS = "id, resource_name, kind, definition_id, definition_name, checksum, engine_version,"
      + " engine_key, deployed_at, deployed_by";

  /** A model file to deploy: its name (as in bpmn/ or dmn/) and its bytes. */
  public record ModelFile(String resourceName, byte[] content) {
    public String checksum() {
      return ModelDeployments.checksum(content);
    }
  }

  private final JdbcTemplate jdbc;
  private final EngineCommands engine;
  private final Clock clock;

  ModelDeployments(JdbcTemplate jdbc, EngineCommands engine, Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.clock = clock;
  }

  /** The newest deployment of every model Settle deployed, by file name. */
  public List<DeployedModel> current() {
    return jdbc.query("select distinct on (resource_name) " + COLUMNS + " from model_deployment"
        + " order by resource_name, id desc", this::row);
  }

  /** Every deployment of one model file, newest first. */
  public List<DeployedModel> history(String resourceName) {
    return jdbc.query("select " + COLUMNS + " from model_deployment where resource_name = ? order by id desc", this::row,
        resourceName);
  }

  public Optional<DeployedModel> latest(String resourceName) {
    return history(resourceName).stream().findFirst();
  }

  /** The deployment that gave the engine this version of the file (the latest record of it). */
  public Optional<DeployedModel> version(String resourceName, int version) {
    return jdbc.query("select " + COLUMNS + " from model_deployment where resource_name = ? and engine_version = ?"
        + " order by id desc limit 1", this::row, resourceName, version).stream().findFirst();
  }

  /** The file exactly as it was deployed. */
  public String content(long id) {
    return jdbc.queryForObject("select content from model_deployment where id = ?", String.class, id);
  }

  /** Whether Settle has deployed exactly these bytes of this file before (whether still in force or not). */
  public boolean deployedBefore(String resourceName, String checksum) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists(select 1 from model_deployment where resource_name = ? and checksum = ?)", Boolean.class,
        resourceName, checksum));
  }

  /** Serialises deployments across replicas until the caller's transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock() {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, DEPLOY_LOCK);
  }

  /**
   * Deploys the files in one deployment (decisions and the processes calling them arrive together) and records
   * each with the engine's version and key. A file equal to the engine's latest version keeps that version.
   */
  @Transactional
  public List<DeployedModel> deploy(List<ModelFile> files, String deployedBy) {
    lock();
    DeploymentEvent answer = engine.call(client -> {
      DeployResourceCommandStep1 first = client.newDeployResourceCommand();
      DeployResourceCommandStep2 next = null;
      for (ModelFile f : files) {
        next = next == null ? first.addResourceBytes(f.content(), f.resourceName()) : next.addResourceBytes(f.content(), f.resourceName());
      }
      return next.requestTimeout(Duration.ofSeconds(30)).send().join();
    });
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<DeployedModel> recorded = new ArrayList<>();
    for (ModelFile f : files) {
      DeployedModel.Kind kind = DeployedModel.Kind.of(f.resourceName());
      String id;
      String name;
      int version;
      long key;
      if (kind == DeployedModel.Kind.BPMN) {
        var p = answer.getProcesses().stream().filter(x -> x.getResourceName().equals(f.resourceName())).findFirst()
            .orElseThrow(() -> new IllegalStateException("The engine deployed no process from " + f.resourceName()));
        id = p.getBpmnProcessId();
        name = p.getBpmnProcessId();
        version = p.getVersion();
        key = p.getProcessDefinitionKey();
      } else {
        var d = answer.getDecisionRequirements().stream().filter(x -> x.getResourceName().equals(f.resourceName())).findFirst()
            .orElseThrow(() -> new IllegalStateException("The engine deployed no decisions from " + f.resourceName()));
        id = d.getDmnDecisionRequirementsId();
        name = d.getDmnDecisionRequirementsName();
        version = d.getVersion();
        key = d.getDecisionRequirementsKey();
      }
      String checksum = f.checksum();
      Long rowId = jdbc.queryForObject("insert into model_deployment(resource_name, kind, definition_id, definition_name,"
          + " checksum, content, engine_version, engine_key, deployed_at, deployed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " returning id", Long.class, f.resourceName(), kind.name(), id, displayName(kind, f.content(), name), checksum,
          new String(f.content(), StandardCharsets.UTF_8), version, key, Timestamp.from(at), deployedBy);
      recorded.add(new DeployedModel(rowId, f.resourceName(), kind, id, displayName(kind, f.content(), name), checksum,
          version, key, at, deployedBy));
    }
    return recorded;
  }

  private static final java.util.regex.Pattern PROCESS_NAME =
      java.util.regex.Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\bname=\"([^\"]*)\"");

  /** What people call the model: the process's name (the engine answers only its id), or the decisions' name. */
  private static String displayName(DeployedModel.Kind kind, byte[] content, String fromEngine) {
    if (kind == DeployedModel.Kind.BPMN) {
      var m = PROCESS_NAME.matcher(new String(content, StandardCharsets.UTF_8));
      if (m.find() && !m.group(1).isBlank()) {
        return m.group(1);
      }
    }
    return fromEngine == null || fromEngine.isBlank() ? "(unnamed)" : fromEngine;
  }

  public static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private DeployedModel row(ResultSet rs, int n) throws SQLException {
    return new DeployedModel(rs.getLong("id"), rs.getString("resource_name"), DeployedModel.Kind.valueOf(rs.getString("kind")),
        rs.getString("definition_id"), rs.getString("definition_name"), rs.getString("checksum"), rs.getInt("engine_version"),
        rs.getLong("engine_key"), rs.getTimestamp("deployed_at").toInstant(), rs.getString("deployed_by"));
  }
}
