/**
 * Electronic blue sheets on request (FINRA Rule 8211, SEA Rule 17a-25): every execution of a symbol, or of an
 * account, over a date range, read from the audit index and written as a fixed-width file
 * ({@link io.portcullis.reporting.bluesheet.BlueSheetLayout} documents the layout and says which parts are verified
 * against a public source and which are our assumption). Command:
 * {@link io.portcullis.reporting.bluesheet.BlueSheetMain}.
 */
package io.portcullis.reporting.bluesheet;
