// Corpus files written by Apache POI (Debian libapache-poi-java). Not run in CI.
// javac -cp "$CP" -d /tmp/h2/poi scripts/corpus/MakePoi.java && java -cp "$CP:/tmp/h2/poi" MakePoi OUTDIR
import java.io.FileOutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.*;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

public class MakePoi {
  static final String[] EN = {"Date", "Channel", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic"};
  static final String[] ZH = {"日期", "渠道", "投入产出比", "投诉率", "复购率", "LTV/CAC", "流量"};

  static void fill(Workbook wb, boolean zh, String sheet) {
    Sheet s = wb.createSheet(sheet);
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    Row h = s.createRow(0);
    String[] head = zh ? ZH : EN;
    for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
    String[] ch = zh ? new String[] {"搜索", "信息流"} : new String[] {"Search", "Social"};
    int r = 1;
    for (int d = 0; d < 21; d++) {
      for (int c = 0; c < 2; c++) {
        Row row = s.createRow(r++);
        Cell dc = row.createCell(0);
        dc.setCellValue(java.sql.Date.valueOf(LocalDate.of(2026, 3, 2).plusDays(d)));
        dc.setCellStyle(date);
        row.createCell(1).setCellValue(ch[c]);
        double roi = (c == 1 && d >= 4 && d <= 7) ? 1.2 : 2.4 + 0.05 * (d % 3);
        double comp = (c == 1 && d == 9) ? 0.016 : 0.004 + 0.0005 * (d % 2);
        double traffic = 12000 + 100 * (d % 5) + 3000 * c;
        if (c == 1 && d == 14) traffic = Math.floor(traffic * 0.55);
        row.createCell(2).setCellValue(roi);
        row.createCell(3).setCellValue(comp);
        row.createCell(4).setCellValue(0.30 + 0.002 * (d % 4));
        row.createCell(5).setCellValue(2.8 + 0.1 * (d % 2));
        row.createCell(6).setCellValue(traffic);
      }
    }
  }

  public static void main(String[] a) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); FileOutputStream o = new FileOutputStream(a[0] + "/poi-xssf-en.xlsx")) {
      fill(wb, false, "Daily");
      wb.write(o);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(); FileOutputStream o = new FileOutputStream(a[0] + "/poi-xssf-zh.xlsx")) {
      fill(wb, true, "日报");
      wb.write(o);
    }
    // SXSSF writes inline strings and no shared strings table entries
    try (SXSSFWorkbook wb = new SXSSFWorkbook(); FileOutputStream o = new FileOutputStream(a[0] + "/poi-sxssf-en.xlsx")) {
      fill(wb, false, "Daily");
      wb.write(o);
      wb.dispose();
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(); FileOutputStream o = new FileOutputStream(a[0] + "/poi-no-table.xlsx")) {
      Sheet s = wb.createSheet("Stock");
      String[][] v = {{"Item", "Qty"}, {"Pencil", "12"}, {"Stapler", "1"}};
      for (int i = 0; i < v.length; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(v[i][0]);
        if (i == 0) r.createCell(1).setCellValue(v[i][1]);
        else r.createCell(1).setCellValue(Double.parseDouble(v[i][1]));
      }
      wb.write(o);
    }
    System.out.println("POI " + org.apache.poi.Version.getVersion());
  }
}
