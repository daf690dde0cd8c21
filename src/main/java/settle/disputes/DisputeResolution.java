package settle.disputes;

/** Names shared with bpmn/dispute-resolution.bpmn, character for character. */
public final class DisputeResolution {

  public static final String PROCESS_ID = "dispute-resolution";
  public static final String DISPUTE_RAISED = "dispute-raised";
  public static final String NOTIFY_SLA_BREACH = "notify-sla-breach";
  public static final String ESCALATE_DISPUTE = "escalate-dispute";
  public static final String RESOLVE_DISPUTE = "resolve-dispute";

  private DisputeResolution() {}
}
