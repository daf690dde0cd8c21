package settle.payments.statements;

public enum StatementFormat {
  CAMT_053,
  CAMT_054,
  MT940,
  BAI2,
  CSV
}
