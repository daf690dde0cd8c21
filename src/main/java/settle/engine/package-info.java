/**
 * The process engine: Camunda client configuration, deployment of {@code bpmn/} and {@code dmn/},
 * the embedded runtime (in-memory engine, PostgreSQL, SMTP capture), the business clock and the
 * outbox that carries commands to the engine in the same transaction as the domain change. Every job worker's handler
 * runs inside one wrapper that times it ({@code settle.job.handling}) and names its job in the logging MDC.
 */
package settle.engine;
