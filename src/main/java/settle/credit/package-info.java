/** Credit: exposure and payment behaviour behind each credit decision, and the notice when credit holds an order. */
package settle.credit;
