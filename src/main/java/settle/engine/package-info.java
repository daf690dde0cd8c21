/**
 * The process engine: Camunda client configuration, deployment of {@code bpmn/} and {@code dmn/},
 * the embedded runtime (in-memory engine, PostgreSQL, SMTP capture), the business clock and the
 * outbox that carries commands to the engine in the same transaction as the domain change.
 */
package settle.engine;
