/**
 * The collection loop of each invoice (bpmn/invoice-collection.bpmn): the next action comes from
 * dmn/next-collection-action.dmn; this module takes the steps (reminders) and records each once.
 */
package settle.collections;
