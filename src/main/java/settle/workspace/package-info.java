/** The staff's pages: the home page with the business date, what is open, and where to go next. */
package settle.workspace;
