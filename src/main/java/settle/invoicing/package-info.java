/** Invoices issued from the order's deal terms, their open amounts and their PDFs. */
package settle.invoicing;
