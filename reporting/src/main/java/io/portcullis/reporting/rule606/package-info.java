/**
 * Rule 606: the quarterly public report on the routing of non-directed held orders (606(a)(1)) and the customer
 * report on the handling of not-held orders (606(b)(3)), as XML in the SEC's schema {@code oh-20191231.xsd}
 * (bundled, validated before any file is written), from the audit trail.
 *
 * <p>Every order goes to one venue today: our own matching engine, reported as an ATS (name and MIC from the
 * settings). Marketability is judged against our own best bid and offer at receipt, not the NBBO (see
 * {@link io.portcullis.reporting.rule605}).
 */
package io.portcullis.reporting.rule606;
