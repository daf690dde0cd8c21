/** Shared kernel: money and the problem types every module's API raises; the HTTP mapping to problem+json. */
package settle.common;
