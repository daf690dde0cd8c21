package settle.credit;

/** Task types of credit's workers, as named in bpmn/. */
public final class CreditTasks {

  public static final String COMPUTE_EXPOSURE = "compute-exposure";
  public static final String NOTIFY_CREDIT_HOLD = "notify-credit-hold";
  // bpmn/credit-review.bpmn
  public static final String REQUEST_CREDIT_REVIEWS = "request-credit-reviews";
  public static final String GATHER_CREDIT_REVIEW_FACTS = "gather-credit-review-facts";
  public static final String RECORD_CREDIT_REVIEW = "record-credit-review";
  public static final String APPLY_CREDIT_LIMIT = "apply-credit-limit";
  public static final String FOLLOW_CREDIT_LIMIT = "follow-credit-limit";
  public static final String ANNOUNCE_CREDIT_CUT = "announce-credit-cut";
  public static final String NOTIFY_CREDIT_LIMIT_CUT = "notify-credit-limit-cut";
  public static final String CLOSE_CREDIT_REVIEW = "close-credit-review";

  private CreditTasks() {}
}
