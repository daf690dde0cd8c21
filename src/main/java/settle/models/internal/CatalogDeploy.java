package settle.models.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.engine.DeployedModel;
import settle.engine.ModelDeployments;

/** A process owner deploys an edited table from the catalog: only when its checks and cases pass; audited. */
@Component
class CatalogDeploy {

  private final ImpactPreview preview;
  private final ModelDeployments deployments;
  private final AuditLog audit;

  CatalogDeploy(ImpactPreview preview, ModelDeployments deployments, AuditLog audit) {
    this.preview = preview;
    this.deployments = deployments;
    this.audit = audit;
  }

  @Transactional
  DeployedModel deploy(String slug, byte[] file, byte[] cases, String user) {
    ImpactPreview.Preview checked = preview.preview(file, cases);
    if (!ModelCatalog.slug(checked.resourceName()).equals(slug)) {
      throw new InvalidRequestException("file", "file decides “" + checked.decisionName() + "”, not this table");
    }
    if (!checked.deployable()) {
      throw new ConflictException("Not deployed: the table must pass its checks and policy cases first ("
          + (checked.lint().size() + checked.cases().failed().size()) + " problems).");
    }
    DeployedModel before = deployments.latest(checked.resourceName()).orElseThrow();
    String checksum = ModelDeployments.checksum(file);
    if (checksum.equals(before.checksum())) {
      throw new ConflictException("Not deployed: this file is version " + before.version() + ", the one in force.");
    }
    DeployedModel after = deployments.deploy(List.of(new ModelDeployments.ModelFile(checked.resourceName(), file)), user)
        .getFirst();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionId", checked.decisionId());
    details.put("oldVersion", before.version());
    details.put("oldChecksum", before.checksum());
    details.put("newVersion", after.version());
    details.put("newChecksum", after.checksum());
    details.put("changedDecisions", checked.changed());
    details.put("evaluated", checked.evaluated());
    audit.record(user, "model.deployed", "model:" + checked.resourceName(), details);
    return after;
  }

  static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
