package settle.demo.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the demo company's customers do and what they buy from Northwind Supplies: a trade gives a customer's name
 * its second word and its invoices their lines.
 */
record Trades(String word, List<Item> items) {

  record Item(String description, BigDecimal unitPrice) {
    Item(String description, String unitPrice) {
      this(description, new BigDecimal(unitPrice));
    }
  }

  /** The first word of a customer's name: a place, a founder or a made-up brand. */
  static final List<String> BRANDS = List.of("Alder", "Brightwater", "Cedarline", "Dunmore", "Elbtal", "Fjordvik", "Granite",
      "Harbourside", "Isar", "Juniper", "Kestrel", "Lakeland", "Meridian", "Northgate", "Oakridge", "Pinecrest", "Quayside",
      "Rheinland", "Silverbirch", "Tamar", "Uplands", "Vesta", "Westbrook", "Yarrow", "Zephyr", "Albion", "Bergmann",
      "Castello", "Delacroix", "Eastwood", "Falkner", "Greenfield", "Hartmann", "Ivory Coast", "Janssen", "Kingfisher",
      "Lindqvist", "Montrose", "Nordlicht", "Orchard", "Portland", "Redwood", "Solano", "Thornbury", "Unterberg", "Valmont",
      "Wexford", "Ashford", "Bellhaven", "Copperfield", "Driftwood", "Evergreen", "Foxley", "Glenmore", "Hawthorne", "Ironbridge",
      "Kilbride", "Larchmont", "Millbrook", "Newhaven", "Oberland", "Primavera", "Rosewood", "Stonebridge", "Trent", "Vantage",
      "Whitmore", "Aurora", "Baltic", "Caledonia", "Danube", "Estuary", "Frontier", "Highland", "Lumen", "Marlow", "Nexus",
      "Polaris", "Riverbend", "Summit", "Tidewater");

  static final List<Trades> ALL = List.of(
      new Trades("Logistics", List.of(new Item("Pallet racking bay", "310.00"), new Item("Stretch film, 23 µm (carton)", "46.50"),
          new Item("Warehouse label printer", "780.00"), new Item("Roller conveyor section", "1240.00"))),
      new Trades("Foods", List.of(new Item("Cold-chain temperature logger", "129.00"), new Item("Stainless steel work table", "640.00"),
          new Item("Food-safe storage containers (set of 20)", "185.00"), new Item("Blast chiller service", "950.00"))),
      new Trades("Clinics", List.of(new Item("Sterile supply cart", "600.00"), new Item("Examination couch", "1450.00"),
          new Item("Disposable gloves, nitrile (case)", "72.00"), new Item("Instrument tray set", "215.00"))),
      new Trades("Engineering", List.of(new Item("Hydraulic press maintenance", "2200.00"), new Item("Torque wrench set", "389.00"),
          new Item("Industrial safety shoes (pair)", "94.00"), new Item("CNC tooling kit", "1675.00"))),
      new Trades("Retail", List.of(new Item("Shelving unit", "300.00"), new Item("Checkout counter", "2150.00"),
          new Item("Point-of-sale display", "420.00"), new Item("Shopping baskets (pack of 25)", "137.50"))),
      new Trades("Hotels", List.of(new Item("Housekeeping trolley", "540.00"), new Item("Luggage cart, brass", "890.00"),
          new Item("Linen, king size (set of 10)", "265.00"), new Item("Minibar refrigerator", "310.00"))),
      new Trades("Construction", List.of(new Item("Scaffolding tower rental (week)", "480.00"), new Item("Site safety barriers (10)", "360.00"),
          new Item("Cordless drill kit", "249.00"), new Item("Concrete mixer service", "720.00"))),
      new Trades("Pharma", List.of(new Item("Laboratory fridge, 400 l", "3100.00"), new Item("Cleanroom garments (box)", "158.00"),
          new Item("Calibration service", "1250.00"), new Item("Sample storage racks", "205.00"))),
      new Trades("Print", List.of(new Item("Paper, 80 g A4 (pallet)", "1680.00"), new Item("Toner cartridges (box of 4)", "312.00"),
          new Item("Guillotine blade service", "430.00"), new Item("Binding machine", "990.00"))),
      new Trades("Energy", List.of(new Item("Solar mounting rails (bundle)", "640.00"), new Item("Inverter maintenance", "1150.00"),
          new Item("Cable drum, 500 m", "870.00"), new Item("Protective equipment kit", "210.00"))),
      new Trades("Packaging", List.of(new Item("Corrugated boxes (1,000)", "540.00"), new Item("Tape dispenser, industrial", "85.00"),
          new Item("Void-fill machine", "2450.00"), new Item("Pallet wrap, machine grade (roll)", "38.00"))),
      new Trades("Automotive", List.of(new Item("Workshop lift service", "1380.00"), new Item("Tyre storage rack", "460.00"),
          new Item("Diagnostic tablet", "1990.00"), new Item("Workshop consumables kit", "178.00"))),
      new Trades("Labs", List.of(new Item("Fume cupboard filter", "690.00"), new Item("Pipette set", "415.00"),
          new Item("Laboratory benches", "1820.00"), new Item("Centrifuge service", "560.00"))),
      new Trades("Facilities", List.of(new Item("Cleaning contract (month)", "2400.00"), new Item("Floor scrubber", "3650.00"),
          new Item("Washroom supplies (quarter)", "720.00"), new Item("Waste bins, 240 l (set of 4)", "296.00"))),
      new Trades("Outdoor", List.of(new Item("Display tents", "1150.00"), new Item("Trail equipment sample set", "640.00"),
          new Item("Store fixtures", "880.00"), new Item("Rental bikes service", "520.00"))));
}
