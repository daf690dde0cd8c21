package settle.invoicing.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import javax.imageio.ImageIO;
import settle.common.Company;

/**
 * The EPC QR code (GiroCode, EPC069-12 version 002) a banking app scans to fill in a SEPA credit transfer: BIC,
 * beneficiary, IBAN, amount in EUR and the creditor reference as the structured remittance. Only for EUR (SEPA).
 */
public final class EpcQrCode {

  private EpcQrCode() {}

  public static String payload(String beneficiary, Company.BankAccount account, BigDecimal amountEur, String creditorReference) {
    if (amountEur.signum() <= 0 || amountEur.compareTo(new BigDecimal("999999999.99")) > 0) {
      throw new IllegalArgumentException("An EPC QR code carries 0.01 to 999999999.99 EUR, not " + amountEur);
    }
    String name = beneficiary.length() > 70 ? beneficiary.substring(0, 70) : beneficiary;
    // service tag, version, UTF-8, SEPA credit transfer, BIC, name, IBAN, amount, purpose (none), structured reference
    return String.join("\n", "BCD", "002", "1", "SCT", account.bic(), name, account.iban(),
        "EUR" + settle.common.Money.of(amountEur).toPlainString(), "", creditorReference);
  }

  /** The payload as a black-on-white PNG without transparency (it goes into a PDF/A), quiet zone included. */
  public static byte[] png(String payload, int size) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8",
              EncodeHintType.MARGIN, 4));
      var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      // written a row at a time into the raster (palette 0 black, 1 white): a colour looked up per pixel cost 25 ms a code
      var raster = image.getRaster();
      int[] row = new int[matrix.getWidth()];
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < row.length; x++) {
          row[x] = matrix.get(x, y) ? 0 : 1;
        }
        raster.setPixels(0, y, row.length, 1, row);
      }
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalStateException("The EPC QR payload does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
