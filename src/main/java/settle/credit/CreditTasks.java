package settle.credit;

/** Task types of credit's workers, as named in bpmn/. */
public final class CreditTasks {

  public static final String COMPUTE_EXPOSURE = "compute-exposure";
  public static final String NOTIFY_CREDIT_HOLD = "notify-credit-hold";

  private CreditTasks() {}
}
