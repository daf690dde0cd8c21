package settle.engine;

/**
 * A job completion from the outbox found no job on its first delivery: the process moved on before it arrived
 * (an interrupting timer or message took the task away), so what the person decided did not take effect.
 */
public record JobCompletionNotTaken(long jobKey) {}
