/**
 * Process history and decision lineage: the path each process instance took (elements with their times, variables
 * each step set, incidents, called instances) and every DMN evaluation with its table version and matched rule.
 * {@link settle.history.ProcessHistory} is the port: embedded mode reads the in-memory engine's record stream into
 * history tables, a cluster is asked through the Orchestration Cluster REST API. {@link settle.history.DecisionLineage}
 * turns an evaluation into the audit record and into words ("why").
 */
package settle.history;
