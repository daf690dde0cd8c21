package settle.payments.statements;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
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
 */
final class XmlElement {

  final String name;
  final String namespace;
  final int line;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<XmlElement> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

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
      XmlElement root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        line = reader.getLocation().getLineNumber();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            XmlElement element = new XmlElement(reader.getLocalName(), reader.getNamespaceURI(), line);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            if (open.isEmpty()) {
              root = element;
            } else {
              open.peek().children.add(element);
            }
            open.push(element);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              open.peek().text.append(reader.getText());
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
    return text.toString().strip();
  }

  List<XmlElement> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The first element along a path of child names such as {@code "Acct/Id/IBAN"}. */
  Optional<XmlElement> find(String path) {
    XmlElement current = this;
    for (String step : path.split("/")) {
      XmlElement next = null;
      for (XmlElement child : current.children) {
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
