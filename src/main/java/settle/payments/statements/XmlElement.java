package settle.payments.statements;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal element tree that remembers each element's line, so errors found while reading the
 * content can still point into the file. Namespaces are dropped after the root: camt versions
 * differ in namespace but mostly not in element names.
 *
 * <p>The tree is kept small and bounded: collections only where an element has children or
 * attributes, text only where it is not blank, and the reader refuses a file with more elements,
 * deeper nesting or longer text than any real statement of the size we accept, at the line where
 * the limit is crossed, before reading further.
 */
final class XmlElement {

  /** A real camt file has one element per 30 bytes or more; 10 MB (the upload limit) is about 350,000. */
  static final int MAX_ELEMENTS = 500_000;
  /** camt nests about 12 deep, 16 with an envelope around the document. */
  static final int MAX_DEPTH = 40;

  final String name;
  final String namespace;
  final int line;
  private Map<String, String> attributes;
  private List<XmlElement> children;
  private String text;

  private XmlElement(String name, String namespace, int line) {
    this.name = name;
    this.namespace = namespace;
    this.line = line;
  }

  static XmlElement read(byte[] content) {
    // The JDK parser, whatever else is on the classpath, so messages and limits stay the same.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    // Statements come from outside: no DTDs, no external entities.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = null;
    int line = 0;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      Deque<XmlElement> open = new ArrayDeque<>();
      StringBuilder text = new StringBuilder();
      XmlElement root = null;
      int elements = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        line = reader.getLocation().getLineNumber();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (++elements > MAX_ELEMENTS) {
              throw new StatementFormatException(line, reader.getLocalName(),
                  "the file has more than " + MAX_ELEMENTS + " XML elements, more than any statement we accept");
            }
            if (open.size() >= MAX_DEPTH) {
              throw new StatementFormatException(line, reader.getLocalName(),
                  "elements are nested more than " + MAX_DEPTH + " deep");
            }
            // The namespace is kept for the root and for a Document an envelope carries (the rest need none).
            boolean named = open.isEmpty() || (open.size() == 1 && reader.getLocalName().equals("Document"));
            XmlElement element = new XmlElement(reader.getLocalName(), named ? reader.getNamespaceURI() : null, line);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              element.attribute(reader.getAttributeLocalName(i), Text.bounded(reader.getAttributeValue(i), line, element.name));
            }
            if (open.isEmpty()) {
              root = element;
            } else {
              open.peek().child(element);
            }
            open.push(element);
            text.setLength(0);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            XmlElement closed = open.pop();
            String value = text.toString().strip();
            closed.text = value.isEmpty() ? null : value;
            text.setLength(0);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              if (text.length() + reader.getTextLength() > Text.MAX_FIELD_CHARS) {
                throw Text.tooLong(open.peek().line, open.peek().name);
              }
              text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            }
          }
          default -> { }
        }
      }
      if (root == null) {
        throw new StatementFormatException(line, null, "XML has no root element");
      }
      return root;
    } catch (XMLStreamException e) {
      int at = e.getLocation() != null ? e.getLocation().getLineNumber() : line;
      throw new StatementFormatException(Math.max(at, 0), null,
          "XML is not well-formed: " + reason(e), e);
    } finally {
      close(reader);
    }
  }

  private void attribute(String key, String value) {
    if (attributes == null) {
      attributes = new HashMap<>(2);
    }
    attributes.put(key, value);
  }

  private void child(XmlElement element) {
    if (children == null) {
      children = new ArrayList<>(4);
    }
    children.add(element);
  }

  /** The JDK prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; the line says it already. */
  private static String reason(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was held open but the byte array
      }
    }
  }

  String text() {
    return text == null ? "" : text;
  }

  String attribute(String key) {
    return attributes == null ? null : attributes.get(key);
  }

  List<XmlElement> children() {
    return children == null ? List.of() : children;
  }

  List<XmlElement> all(String childName) {
    return children().stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The first element along a path of child names such as {@code "Acct/Id/IBAN"}. */
  Optional<XmlElement> find(String path) {
    XmlElement current = this;
    for (String step : path.split("/")) {
      XmlElement next = null;
      for (XmlElement child : current.children()) {
        if (child.name.equals(step)) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return Optional.empty();
      }
      current = next;
    }
    return Optional.of(current);
  }

  /** Text at the first of the given paths that exists and is not blank. */
  Optional<String> textAt(String... paths) {
    for (String path : paths) {
      Optional<String> value = find(path).map(XmlElement::text).filter(t -> !t.isEmpty());
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }
}
