# shellcheck shell=bash
# ./portcullis report ...: regulatory report files built from the audit trail (module reporting). Sourced by
# ./portcullis, which provides pc_err and pc_die, and scripts/lib/batch.sh pc_batch_ensure_built and pc_run_batch
# (every report is a job of the back office: io.portcullis.backoffice.batch.ReportMain); never run on its own.
# One case per report in cmd_report; each report's main prints its own --help.

usage_report() {
  cat <<'EOF_USAGE'
Usage: ./portcullis report cat --date YYYY-MM-DD --out DIR [--feedback FILE] [--config FILE]
       ./portcullis report 606 --quarter YYYYQn --out DIR [--config FILE]
       ./portcullis report 606b3 --account A --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--config FILE]
       ./portcullis report 605 --month YYYY-MM --out DIR [--config FILE]
       ./portcullis report bluesheet (--symbol S | --account A) --from YYYY-MM-DD --to YYYY-MM-DD --out DIR
                                  [--config FILE]
       ./portcullis report surveillance --date YYYY-MM-DD [--config FILE]
       ./portcullis report runs [--type CAT|606|606B3|605|BLUESHEET] [--status RUNNING|SUCCEEDED|NO_DATA|FAILED]
                                [--limit N] [--config FILE]
       ./portcullis report show RUN [--config FILE]

Regulatory report files built from the audit index. Reports:
  cat   FINRA CAT Industry Member order events (MENO, MEOA, MEOM, MEOC, MEOT) of one CAT trading day: bzip2 JSON
        Lines files <submitter>_<IMID>_<YYYYMMDD>_<group>_OrderEvents_<NNNNNN>.json.bz2, split by size, each with a
        .meta.json (record count, SHA-256, spec version); the same index gives the same bytes on every run
  606   SEC Rule 606(a)(1) quarterly public report on non-directed held orders: 606a1-YYYYQn.xml in the SEC's schema
        oh-20191231.xsd (per month: S&P 500 / other NMS stocks, market / marketable limit / non-marketable limit /
        other orders, venues, net payments), validated against the schema before it is written
  606b3 SEC Rule 606(b)(3) order handling report for one customer (account) and period:
        606b3-<account>-<from>-<to>.xml in the same schema, validated before it is written
  605   SEC Rule 605(a)(2) monthly order execution summary (OES CSV): <reporter code><YYYYMM>.csv
  surveillance  market-abuse surveillance of one trading day (layering / spoofing, wash trades, marking the
        close): alerts saved in MySQL for the compliance desk (GET /api/surveillance/alerts) and printed; a rerun
        of the day adds no alert twice
  bluesheet  electronic blue sheet on request (FINRA Rule 8211, SEA Rule 17a-25): every execution of a symbol or an
        account over trade dates, one fixed-width 220-character record each, with header and trailer records:
        bluesheet-<S|A>-<value>-<from>-<to>.txt (positions are our assumption, not yet checked against the SIAC
        layout of FINRA RN 15-44; see BlueSheetLayout)
  Rule 605 and 606 measure against the engine's own best bid and offer at receipt (no consolidated NBBO feed).

  runs  the recorded report runs, newest first (run id, type, job execution, status, times, who, records, parameters)
  show  one run with the path, size and SHA-256 of every file it wrote

Options of cat:
  --date YYYY-MM-DD  the CAT trading day: events from 00:00 to 24:00 America/New_York (required)
  --out DIR          where the files go; created if missing, same-named files replaced (required)
  --feedback FILE    write only the records this feedback file lists, as repairs (RPR + errorROEID) or corrections
                     (COR), in files of group <group>RPR
  --config FILE      settings file (es.url, audit.index-prefix, db.*, cat.submitter-id, cat.reporter-imid,
                     cat.reporter-crd, cat.file-group, cat.spec-version, cat.max-file-bytes, cat.market-center-id,
                     cat.page-size, cat.order-cache); PORTCULLIS_* environment variables override it
  --help             this text

Options of 606:
  --quarter YYYYQn   the quarter, e.g. 2026Q4; months in the New York calendar (required)
  --out DIR          where the file goes; created if missing, a same-named file replaced (required)
  --config FILE      settings file (es.url, audit.index-prefix, gateway.instruments for the sp500 flags,
                     report.broker-dealer, report.606.venue-name, report.606.venue-mic,
                     report.606.material-aspects); PORTCULLIS_* environment variables override it
  --help             this text

Options of 606b3:
  --account A        the customer's account (required)
  --from YYYY-MM-DD  first day, New York calendar, inclusive (required)
  --to YYYY-MM-DD    last day, inclusive; at most 7 calendar months after --from's month (required)
  --out DIR          where the file goes (required)
  --config FILE      settings file, as for 606
  --help             this text

Options of 605:
  --month YYYY-MM    the month, New York calendar (required)
  --out DIR          where the file goes (required)
  --config FILE      settings file (es.url, audit.index-prefix, gateway.instruments, report.605.designated-participant
                     default T, report.605.reporter-code default PORTCULLIS)
  --help             this text

Options of surveillance:
  --date YYYY-MM-DD  the trading day: 00:00 to 24:00 America/New_York (required)
  --config FILE      settings file (es.url, audit.index-prefix, db.*, surveillance.layering.min-orders,
                     .order-to-trade-ratio, .cancel-ratio-pct, .large-order-qty, .window-seconds, .min-events,
                     surveillance.wash.min-trades, surveillance.close.window-minutes, .min-move-bps,
                     surveillance.page-size); PORTCULLIS_* environment variables override it
  --help             this text

Options of bluesheet:
  --symbol S         the symbol (exactly one of --symbol and --account)
  --account A        the account
  --from YYYY-MM-DD  first trade date, New York calendar, inclusive (required)
  --to YYYY-MM-DD    last trade date, inclusive (required)
  --out DIR          where the file goes (required)
  --config FILE      settings file (es.url, audit.index-prefix, bluesheet.executing-broker, bluesheet.venue-code,
                     bluesheet.large-traders ACCOUNT=LTID,..., db.* for the run record)
  --help             this text

Every report runs as a job of the back office (Spring Batch, job repository in MySQL: report-cat, report-606,
report-606b3, report-605, report-bluesheet, report-surveillance) and every run is recorded in MySQL (report_run,
report_run_file: who, when, parameters, the job execution, outcome, SHA-256 of each file). Running the same command
again after a failed or killed run continues that run (CAT: after its last closed file, keeping the files it had
closed); after a completed run it builds the report again (same index, same bytes). MySQL and Redis (the job's lock)
must be up.

Exit status:
  0  files written
  1  no data for the period, or a validation failure (CAT: an event that cannot be linked, a feedback record not
     found; 606: the report breaks the SEC schema); nothing is written for 605/606 then. Surveillance: alerts raised
  2  bad usage (the message names the option); nothing recorded
  3  a service (Elasticsearch, MySQL, Redis) unreachable: when it is back, run the same command to continue
  4  refused: the same report (same options) is being built by another run
  5  failed: fix the cause, then run the same command to continue
EOF_USAGE
}

cmd_report() {
  local sub=${1:-}
  [[ $# -gt 0 ]] && shift
  case $sub in
    --help|-h|help) usage_report; return 0 ;;
    cat)
      local -a args=()
      while (( $# > 0 )); do
        case $1 in
          --help|-h) usage_report; return 0 ;;
          --date|--out|--feedback)
            [[ $# -ge 2 ]] || { pc_err "$1 needs a value"; usage_report >&2; exit 2; }
            args+=("$1" "$2"); shift ;;
          --config) args+=(--config "$(pc_config_file "${2:-}")") || exit 2; shift ;;
          *) pc_err "unknown option '$1'"; usage_report >&2; exit 2 ;;
        esac
        shift
      done
      pc_batch_ensure_built
      pc_run_batch io.portcullis.backoffice.batch.ReportMain cat "${args[@]}" ;;
    606|606b3|605|surveillance|bluesheet)
      local -a names=(--quarter --out)
      case $sub in
        606b3) names=(--account --from --to --out) ;;
        605) names=(--month --out) ;;
        bluesheet) names=(--symbol --account --from --to --out) ;;
        surveillance) names=(--date) ;;
      esac
      local -a args=()
      while (( $# > 0 )); do
        case $1 in
          --help|-h) usage_report; return 0 ;;
          --config) args+=(--config "$(pc_config_file "${2:-}")") || exit 2; shift ;;
          --*)
            local known=0 name
            for name in "${names[@]}"; do [[ $1 == "$name" ]] && known=1; done
            (( known )) || { pc_err "unknown option '$1' of report $sub"; usage_report >&2; exit 2; }
            [[ $# -ge 2 ]] || { pc_err "$1 needs a value"; usage_report >&2; exit 2; }
            args+=("$1" "$2"); shift ;;
          *) pc_err "unknown argument '$1' of report $sub"; usage_report >&2; exit 2 ;;
        esac
        shift
      done
      pc_batch_ensure_built
      pc_run_batch io.portcullis.backoffice.batch.ReportMain "$sub" "${args[@]}" ;;
    runs|show)
      local -a args=()
      while (( $# > 0 )); do
        case $1 in
          --help|-h) usage_report; return 0 ;;
          --config) args+=(--config "$(pc_config_file "${2:-}")") || exit 2; shift ;;
          *) args+=("$1") ;;
        esac
        shift
      done
      pc_batch_ensure_built
      pc_run_batch io.portcullis.backoffice.batch.ReportMain "$sub" "${args[@]}" ;;
    "") usage_report >&2; exit 2 ;;
    *) pc_err "unknown report '$sub'"; usage_report >&2; exit 2 ;;
  esac
}
