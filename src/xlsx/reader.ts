/**
 * The reader under its former module name, for the tests and scripts that import it from here:
 * the lean reader (./read). The ExcelJS reader it replaced is gone from src; ExcelJS now only builds
 * test fixtures.
 */
export { readXlsxFile, readXlsxBytes, readFileBytes } from "./read";
