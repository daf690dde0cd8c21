/**
 * Credit: exposure and payment behaviour behind each credit decision, the notice when credit holds an order, and the
 * credit review (bpmn/credit-review.bpmn) that adapts limits within dmn/credit-limit-policy.dmn and makes open orders
 * follow them.
 */
package settle.credit;
