-- The regulatory transaction fee rates in force in 2026, with their sources. Replaces the placeholders of V11 (a rate
-- known to change, figure not read), which made the settlement job refuse 2026 sales.
--
-- SEC Section 31, FY2026. The V11 placeholder had the wrong date (2026-03-29): the order keeps USD 0.00 per million
-- (2025-05-14 row) in force through 2026-04-03 and sets USD 20.60 from 2026-04-04. The effective date is a Saturday
-- after the Good Friday holiday, so the first trade date charged at the new rate is Monday 2026-04-06.
-- Date basis: rates are looked up by trade date (the customer's confirmation shows the fee at trade date). The SEC
-- assesses the exchanges and FINRA by charge date, for most sales the settlement date, so sales traded on 2026-04-01
-- and 2026-04-02 (settling from 2026-04-06) are charged to the firm at USD 20.60 and passed on here at USD 0.00.
DELETE FROM fee_sec_section31 WHERE effective_from = '2026-03-29' AND rate_per_million IS NULL;
INSERT INTO fee_sec_section31 (effective_from, rate_per_million, verified, source) VALUES
  ('2026-04-04', 20.6000, TRUE,
   'SEC Release 34-104909 (2026-02-27, 91 FR 10643, FR Doc 2026-04233), Order Making Fiscal Year 2026 Annual Adjustments to Transaction Fee Rates: "the fee rates applicable under Sections 31(b) and (c) of the Exchange Act shall be $20.60 per $1,000,000 effective on April 4, 2026"; USD 0.00 stays in force through 2026-04-03 (same order, Table A). Correction 34-104909A (91 FR 24948) fixes a sign typo in Appendix A only. In force until 60 days after the FY2027 appropriation is enacted: check the SEC fee rate advisories before each year-end');

-- FINRA Trading Activity Fee on covered equity sales (By-Laws Schedule A, Section 1(b)(2)). The 2024 figures were
-- right; their source is now the rule filing. 2026: the step of SR-FINRA-2024-019, then a three-month pause
-- (SR-FINRA-2026-021, effective on filing), then 2026 rates again from 2027 (SR-FINRA-2026-020). These rows are
-- marked unverified: the figures come from the filings as quoted by secondary compilations and broker fee schedules,
-- not from the Federal Register text itself (open FR Docs 2024-27764, 2026-19392 and 2026-19393 to verify them).
UPDATE fee_finra_taf SET source =
  'SR-FINRA-2020-032 (Release 34-90176, 85 FR 66592): USD 0.000166 per share, max USD 8.30 per trade from 2024-01-01; unchanged for 2025 per SR-FINRA-2024-019. Figures from secondary copies of the filing'
  WHERE effective_from = '2024-01-01';
UPDATE fee_finra_taf SET per_share = 0.00019500, max_per_trade = 9.79, source =
  'SR-FINRA-2024-019 (Release 34-101696, 89 FR 93709, FR Doc 2024-27764): USD 0.000195 per share, max USD 9.79 per trade for 2026 (Schedule A version Jan 01, 2026 - Sep 30, 2026). Figures from secondary copies of the filing and Schedule A; not yet read in the Federal Register text'
  WHERE effective_from = '2026-01-01' AND per_share IS NULL;
INSERT INTO fee_finra_taf (effective_from, per_share, max_per_trade, verified, source) VALUES
  ('2026-10-01', 0.00000000, 0.00, FALSE,
   'SR-FINRA-2026-021 (Release 34-106409, 91 FR 60435, FR Doc 2026-19392, filed 2026-09-15, effective on filing): TAF paused for transactions from 2026-10-01 through 2026-12-31 ("rates ... temporarily be set at $0.00"). Figures from secondary copies of the filing and broker fee schedules (e.g. revised 2026-10-01)'),
  ('2027-01-01', 0.00019500, 9.79, FALSE,
   'SR-FINRA-2026-020 (Release 34-106410, 91 FR 60427, FR Doc 2026-19393): from 2027-01-01 through 2028-12-31 the 2026 rates (USD 0.000195 per share, max USD 9.79) apply. Figures from secondary copies of the filing');
