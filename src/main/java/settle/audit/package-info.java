/**
 * The audit trail: an append-only, hash-chained log of every state change and decision (with its DMN inputs and
 * outputs), who (a signed-in user or {@code system:<worker>}) made it and when. The application's database role may
 * only read and insert it; signed checkpoints of the chain's head reveal truncation and rewrites. Also the auditor's
 * workspace, the controls report and the audit pack with its offline verifier. Asks the workspace and staff modules
 * for business names through {@link settle.audit.SubjectNames} and {@link settle.audit.StaffRoles}.
 */
package settle.audit;
