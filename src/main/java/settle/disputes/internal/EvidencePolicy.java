package settle.disputes.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import settle.common.InvalidRequestException;
import settle.common.UnsupportedMediaException;
import settle.disputes.Evidence;

/**
 * What evidence may be stored: PDFs, PNG and JPEG pictures and plain text, recognised by their
 * bytes as well as their name, at most 10 MB each and five per dispute. Markup is refused outright.
 */
final class EvidencePolicy {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_FILES = 5;

  private EvidencePolicy() {}

  static List<DisputeEvidence.Checked> check(List<Evidence> evidence) {
    if (evidence.size() > MAX_FILES) {
      throw new InvalidRequestException("attachments", "At most " + MAX_FILES + " attachments per dispute");
    }
    return evidence.stream().map(EvidencePolicy::check).toList();
  }

  private static DisputeEvidence.Checked check(Evidence file) {
    String name = file.filename() == null ? "" : file.filename().replaceAll(".*[/\\\\]", "").strip();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,150}\\.[A-Za-z0-9]{1,5}")) {
      throw new InvalidRequestException("attachments", "'" + name + "' is not an acceptable file name");
    }
    byte[] bytes = file.content();
    if (bytes.length == 0) {
      throw new InvalidRequestException("attachments", name + " is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidRequestException("attachments", name + " is larger than 10 MB");
    }
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = switch (extension) {
      case "pdf" -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII)) ? "application/pdf" : null;
      case "png" -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) ? "image/png" : null;
      case "jpg", "jpeg" -> startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? "image/jpeg" : null;
      case "txt", "csv" -> plainText(bytes) ? "text/plain" : null;
      default -> null;
    };
    if (type == null) {
      throw new UnsupportedMediaException(name + " is not accepted: attach a PDF, PNG, JPEG or plain text file whose content matches its name");
    }
    return new DisputeEvidence.Checked(name, type, bytes, sha256(bytes));
  }

  private static boolean plainText(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      String lower = text.toLowerCase(Locale.ROOT);
      return !text.contains("\u0000") && !lower.contains("<script") && !lower.contains("<html") && !lower.contains("<!doctype");
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
