package settle.audit;

import java.util.List;
import java.util.Optional;

/**
 * Subjects in business words, for the auditor's workspace: what a typed customer name or document number refers to,
 * and how to name a subject on a page. The workspace answers (it knows every module; the modules depend on the audit,
 * so the audit asks through this port).
 */
public interface SubjectNames {

  record Named(String subject, String name) {}

  /** The subjects a person means by this text: a customer's name (or part of it), an invoice number, an order, … */
  List<Named> find(String text);

  /** The subject as people say it ("Invoice INV-2026-0001 of Acme Corp"); empty if unknown. */
  Optional<String> name(String subject);

  /** The subjects whose entries make up this subject's story: a customer's own, its orders', invoices' and disputes'. */
  List<String> story(String subject);
}
