/**
 * FINRA CAT Industry Member reporting for equities: the order events of one CAT trading day, built from the audit
 * index ({@code <prefix>-audit}), written as bzip2-compressed JSON Lines files with their metadata files, and the
 * repairs and corrections a feedback file asks for. {@link io.portcullis.reporting.cat.CatMain} is the entry point
 * ({@code ./portcullis report cat}); {@link io.portcullis.reporting.cat.CatBuilder} the API a batch step drives.
 */
package io.portcullis.reporting.cat;
