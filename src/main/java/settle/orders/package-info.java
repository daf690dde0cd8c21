/**
 * Orders with the deal terms sales agreed (prices, discount, payment terms, PO). The terms flow into
 * billing untouched. Starts one {@code order-to-cash} process per order.
 */
package settle.orders;
