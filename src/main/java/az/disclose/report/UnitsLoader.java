package az.disclose.report;

import az.disclose.content.UnitsReader;

/**
 * The units ({@code data/units.yaml}) and their twice-monthly reports ({@code reports/units/*.md}),
 * as the report commands read them. The reading itself is {@link UnitsReader} in {@code content},
 * so that the site (which never imports this package) reads the same data the same way: the plan
 * page takes its statuses from the latest unit reports. {@code UnitsLoader.Loaded} is
 * {@link UnitsReader.Loaded}.
 */
public final class UnitsLoader extends UnitsReader {
  public static final String UNITS_FILE = UnitsReader.UNITS_FILE;
  public static final String REPORTS_DIR = UnitsReader.REPORTS_DIR;
}
