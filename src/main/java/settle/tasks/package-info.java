/**
 * The human-task inbox. It mirrors the engine's job-based user tasks (job type
 * {@code io.camunda.zeebe:userTask}), validates a completion against the form the BPMN element
 * describes in its {@code form} header, and completes the job with the form's variables.
 */
package settle.tasks;
