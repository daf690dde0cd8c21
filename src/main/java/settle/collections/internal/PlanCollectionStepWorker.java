package settle.collections.internal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;
import settle.collections.InvoiceCollection;
import settle.history.DecisionLineage;

@Component
public class PlanCollectionStepWorker {

  private final CollectionSteps steps;
  private final DecisionLineage lineage;

  PlanCollectionStepWorker(CollectionSteps steps, DecisionLineage lineage) {
    this.steps = steps;
    this.lineage = lineage;
  }

  @JobWorker(type = InvoiceCollection.PLAN_COLLECTION_STEP)
  public CollectionSteps.Plan planCollectionStep(@Variable long invoiceId, @Variable int stage,
                                                 @Variable Map<String, Object> segmentation, @Variable Map<String, Object> nextAction,
                                                 ActivatedJob job) {
    var next = new CollectionSteps.NextAction(String.valueOf(nextAction.get("action")),
        ((Number) nextAction.get("dueOffset")).intValue(), (String) nextAction.get("template"),
        String.valueOf(nextAction.get("channel")), String.valueOf(nextAction.get("sender")),
        Boolean.TRUE.equals(nextAction.get("headsUp")), Boolean.TRUE.equals(nextAction.get("skipIfLate")));
    return steps.plan(invoiceId, stage, String.valueOf(segmentation.get("segment")), String.valueOf(segmentation.get("tone")), next,
        "element:" + job.getElementInstanceKey(),
        lineage.before(job.getProcessInstanceKey(), InvoiceCollection.NEXT_COLLECTION_ACTION, job.getKey()).evaluationKey());
  }
}
