package settle.disputes;

/** An uploaded file, before it is checked. */
public record Evidence(String filename, byte[] content) {}
