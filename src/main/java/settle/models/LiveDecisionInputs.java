package settle.models;

import java.util.List;
import java.util.Map;

/**
 * Today's inputs of one decision table, from the module that asks that table at run time: what the impact
 * preview runs the table in force and an edited table over. Each case names its subject in business words.
 */
public interface LiveDecisionInputs {

  record LiveCase(String subject, Map<String, Object> inputs) {}

  /** The decision these inputs are for, as in its DMN file. */
  String decisionId();

  /** The population in words, plural: "open invoices". */
  String population();

  List<LiveCase> today();
}
