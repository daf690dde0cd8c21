/** Demo data for embedded mode: a few customers with contacts and owners, and orders that take each credit path. */
package settle.demo;
