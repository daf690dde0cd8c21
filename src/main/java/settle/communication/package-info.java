/**
 * Outbound mail through a transactional outbox keyed by the business step that caused it, so a
 * step taken twice sends one mail; Thymeleaf templates (HTML and text); sender aliases. In embedded
 * mode every mail is captured by a local SMTP server and readable at /api/mail and /outbox.
 */
package settle.communication;
