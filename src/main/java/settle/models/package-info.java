/**
 * The model catalog: every BPMN and DMN Settle deployed, drawn with bpmn-js and dmn-js, the instances waiting at
 * each step, the differences between two versions, the impact preview of an edited table over today's live
 * inputs, and the process owner's deploy from the catalog (audited with the old and new checksum). The
 * deployment registry itself belongs to {@code engine}.
 */
package settle.models;
