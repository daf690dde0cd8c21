package settle.demo.internal;

import java.util.List;
import java.util.Random;

/**
 * Where the demo company's customers sit: per country its currency, time zone, cities with postcodes, streets, the
 * legal forms companies there carry, the shape of a VAT id and a phone number, and people's names, so an address,
 * a contact and a VAT id read as they would on a real invoice.
 */
record Places(String country, String currency, String zone, List<City> cities, List<String> streets, List<String> forms,
              String vatPrefix, int vatDigits, String vatSuffix, String phonePrefix, List<String> firstNames,
              List<String> lastNames, boolean numberFirst) {

  record City(String name, String postcode) {}

  static final List<Places> ALL = List.of(
      new Places("DE", "EUR", "Europe/Berlin",
          List.of(new City("Berlin", "10115"), new City("Hamburg", "20095"), new City("München", "80331"),
              new City("Köln", "50667"), new City("Frankfurt am Main", "60311"), new City("Stuttgart", "70173"),
              new City("Leipzig", "04109"), new City("Düsseldorf", "40213")),
          List.of("Hauptstraße", "Industriestraße", "Lindenallee", "Hafenstraße", "Bahnhofstraße", "Am Gewerbepark",
              "Schillerstraße", "Kaiserstraße"),
          List.of("GmbH", "GmbH", "AG", "GmbH & Co. KG"), "DE", 9, "", "+49",
          List.of("Anna", "Jonas", "Katrin", "Markus", "Sabine", "Tobias", "Julia", "Stefan"),
          List.of("Becker", "Hoffmann", "Schulz", "Krüger", "Neumann", "Wagner", "Fischer", "Richter"), false),
      new Places("AT", "EUR", "Europe/Vienna",
          List.of(new City("Wien", "1010"), new City("Graz", "8010"), new City("Linz", "4020"), new City("Salzburg", "5020")),
          List.of("Mariahilfer Straße", "Landstraßer Hauptstraße", "Industriezeile", "Herrengasse"),
          List.of("GmbH", "AG"), "ATU", 8, "", "+43",
          List.of("Lukas", "Theresa", "Florian", "Magdalena"), List.of("Gruber", "Huber", "Bauer", "Pichler"), false),
      new Places("CH", "CHF", "Europe/Zurich",
          List.of(new City("Zürich", "8001"), new City("Basel", "4051"), new City("Bern", "3011"), new City("Luzern", "6003")),
          List.of("Bahnhofstrasse", "Seestrasse", "Industriestrasse", "Dorfstrasse"),
          List.of("AG", "GmbH"), "CHE", 9, "", "+41",
          List.of("Reto", "Corinne", "Beat", "Nadine"), List.of("Meier", "Keller", "Brunner", "Frei"), false),
      new Places("FR", "EUR", "Europe/Paris",
          List.of(new City("Paris", "75008"), new City("Lyon", "69002"), new City("Lille", "59000"), new City("Toulouse", "31000"),
              new City("Nantes", "44000"), new City("Bordeaux", "33000")),
          List.of("rue de la République", "avenue Jean Jaurès", "rue du Faubourg Saint-Antoine", "boulevard Haussmann",
              "rue Nationale"),
          List.of("SAS", "SA", "SARL"), "FR", 11, "", "+33",
          List.of("Camille", "Julien", "Élodie", "Nicolas", "Sophie", "Mathieu"),
          List.of("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Garnier"), true),
      new Places("NL", "EUR", "Europe/Amsterdam",
          List.of(new City("Amsterdam", "1012 AB"), new City("Rotterdam", "3011 AD"), new City("Utrecht", "3511 LX"),
              new City("Eindhoven", "5611 AZ")),
          List.of("Keizersgracht", "Industrieweg", "Stationsplein", "Havenstraat"),
          List.of("B.V.", "B.V.", "N.V."), "NL", 9, "B01", "+31",
          List.of("Sanne", "Daan", "Lotte", "Bram"), List.of("de Vries", "Jansen", "Bakker", "Visser"), false),
      new Places("BE", "EUR", "Europe/Brussels",
          List.of(new City("Brussel", "1000"), new City("Antwerpen", "2000"), new City("Gent", "9000")),
          List.of("Rue de la Loi", "Meir", "Industrielaan"),
          List.of("NV", "BV", "SA"), "BE0", 9, "", "+32",
          List.of("Lien", "Pieter", "Elise", "Wout"), List.of("Peeters", "Janssens", "Maes", "Claes"), false),
      new Places("ES", "EUR", "Europe/Madrid",
          List.of(new City("Madrid", "28013"), new City("Barcelona", "08007"), new City("Valencia", "46002"),
              new City("Bilbao", "48001")),
          List.of("Calle de Alcalá", "Carrer de Balmes", "Calle Mayor", "Avenida de la Industria"),
          List.of("S.L.", "S.A."), "ESB", 8, "", "+34",
          List.of("Lucía", "Javier", "Marta", "Alejandro"), List.of("García", "Fernández", "López", "Martínez"), false),
      new Places("IT", "EUR", "Europe/Rome",
          List.of(new City("Milano", "20121"), new City("Torino", "10121"), new City("Bologna", "40121"), new City("Verona", "37121")),
          List.of("Via Torino", "Corso Venezia", "Via dell'Industria", "Viale Europa"),
          List.of("S.p.A.", "S.r.l.", "S.r.l."), "IT", 11, "", "+39",
          List.of("Giulia", "Marco", "Francesca", "Luca"), List.of("Rossi", "Bianchi", "Romano", "Colombo"), false),
      new Places("SE", "SEK", "Europe/Stockholm",
          List.of(new City("Stockholm", "111 20"), new City("Göteborg", "411 05"), new City("Malmö", "211 20")),
          List.of("Drottninggatan", "Storgatan", "Industrivägen"),
          List.of("AB"), "SE", 10, "01", "+46",
          List.of("Elin", "Oskar", "Maja", "Henrik"), List.of("Andersson", "Lindqvist", "Johansson", "Berg"), false),
      new Places("DK", "EUR", "Europe/Copenhagen",
          List.of(new City("København", "1050"), new City("Aarhus", "8000"), new City("Odense", "5000")),
          List.of("Vesterbrogade", "Strandvejen", "Industrivej"),
          List.of("A/S", "ApS"), "DK", 8, "", "+45",
          List.of("Mette", "Rasmus", "Ida", "Søren"), List.of("Nielsen", "Jensen", "Hansen", "Larsen"), false),
      new Places("PL", "EUR", "Europe/Warsaw",
          List.of(new City("Warszawa", "00-001"), new City("Poznań", "61-001"), new City("Wrocław", "50-001")),
          List.of("ul. Marszałkowska", "ul. Przemysłowa", "ul. Długa"),
          List.of("sp. z o.o.", "S.A."), "PL", 10, "", "+48",
          List.of("Agnieszka", "Piotr", "Katarzyna", "Tomasz"), List.of("Nowak", "Kowalski", "Wiśniewska", "Zieliński"), false),
      new Places("GB", "GBP", "Europe/London",
          List.of(new City("London", "EC2A 4NE"), new City("Manchester", "M1 2HF"), new City("Leeds", "LS1 4AP"),
              new City("Bristol", "BS1 6QA"), new City("Birmingham", "B2 4QA"), new City("Glasgow", "G1 3SL")),
          List.of("King Street", "Station Road", "Commercial Road", "Victoria Street", "Mill Lane"),
          List.of("Ltd", "Ltd", "plc"), "GB", 9, "", "+44",
          List.of("Emma", "Oliver", "Charlotte", "Harry", "Sophie", "James"),
          List.of("Taylor", "Davies", "Evans", "Thompson", "Walker", "Wright"), true),
      new Places("IE", "EUR", "Europe/Dublin",
          List.of(new City("Dublin", "D02 X285"), new City("Cork", "T12 RX4P"), new City("Galway", "H91 E2K3")),
          List.of("Harcourt Street", "Grand Parade", "Dock Road"),
          List.of("Ltd", "DAC"), "IE", 7, "W", "+353",
          List.of("Aoife", "Cian", "Niamh", "Conor"), List.of("Murphy", "Kelly", "O'Brien", "Walsh"), true),
      new Places("US", "USD", "America/New_York",
          List.of(new City("New York, NY", "10001"), new City("Boston, MA", "02110"), new City("Philadelphia, PA", "19103"),
              new City("Atlanta, GA", "30303")),
          List.of("Market Street", "Madison Avenue", "Commerce Drive", "Harbor Boulevard"),
          List.of("Inc.", "LLC", "Corp."), null, 0, "", "+1",
          List.of("Ashley", "Michael", "Jessica", "Brandon", "Megan", "Tyler"),
          List.of("Johnson", "Miller", "Anderson", "Clark", "Lewis", "Robinson"), true),
      new Places("US", "USD", "America/Chicago",
          List.of(new City("Chicago, IL", "60606"), new City("Dallas, TX", "75201"), new City("Minneapolis, MN", "55401")),
          List.of("Wacker Drive", "Elm Street", "Industrial Parkway"),
          List.of("Inc.", "LLC"), null, 0, "", "+1",
          List.of("Kayla", "Justin", "Lauren", "Derek"), List.of("Hall", "Young", "King", "Scott"), true));

  /** How often each place is drawn: a continental European supplier, with the UK, the US and Switzerland besides. */
  static final int[] WEIGHTS = {30, 5, 6, 12, 8, 5, 7, 7, 5, 4, 4, 12, 3, 5, 3};

  static Places pick(Random random) {
    int total = 0;
    for (int w : WEIGHTS) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < ALL.size(); i++) {
      r -= WEIGHTS[i];
      if (r < 0) {
        return ALL.get(i);
      }
    }
    return ALL.getFirst();
  }

  String street(Random random) {
    String street = streets.get(random.nextInt(streets.size()));
    int number = 1 + random.nextInt(240);
    return numberFirst ? number + " " + street : street + " " + number;
  }

  /** A VAT id in the country's shape (checksums are not computed: these are demo companies). */
  String vatId(Random random) {
    if (vatPrefix == null) {
      return null;
    }
    StringBuilder id = new StringBuilder(vatPrefix);
    for (int i = 0; i < vatDigits; i++) {
      id.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
    }
    return id.append(vatSuffix).toString();
  }

  String phone(Random random) {
    StringBuilder phone = new StringBuilder(phonePrefix).append(' ').append(10 + random.nextInt(89)).append(' ');
    for (int i = 0; i < 7; i++) {
      phone.append(random.nextInt(10));
    }
    return phone.toString();
  }

  String person(Random random) {
    return firstNames.get(random.nextInt(firstNames.size())) + " " + lastNames.get(random.nextInt(lastNames.size()));
  }
}
