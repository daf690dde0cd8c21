/**
 * Policy the process owner owns: the DMN tables read as written, their cases (a CSV per table under
 * {@code dmn/tests/}, run on a real DMN engine) and the answers the processes handle, declared in each
 * table's output {@code outputValues} and checked before a table goes live and whenever it answers.
 */
package settle.policy;
