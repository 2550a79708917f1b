# shellcheck shell=bash
# ./portcullis fixlog and ./portcullis reconcile: the trading history as the audit trail, the journal and the book of
# record hold it. Sourced by ./portcullis, which provides pc_ensure_built, pc_run_app and pc_die; never run on its own.

usage_fixlog() {
  cat <<'EOF_USAGE'
Usage: ./portcullis fixlog [--session SESSIONID]... [--from TIME] [--to TIME] [--msg-type TYPE]...
                           [--clordid ID] [--limit N] [--follow] [--raw] [--config FILE]

Shows the FIX messages the gateway sent and received (session-level ones too) as the audit trail holds them (the
FIX_MESSAGE documents of the audit index in Elasticsearch, docs/audit.md), oldest first, one per line:
  TRANSACTTIME DIRECTION SESSIONID MESSAGE
with each tag and value named by the session's dictionary (FIX 4.2, FIX 4.4, or FIXT 1.1 with FIX 5.0SP2), e.g.
  2026-03-02T14:30:00.123456Z IN  FIX.4.4:PORTCULLIS->BROKER1 8(BeginString)=FIX.4.4|...|35(MsgType)=D(NewOrderSingle)|...
'|' stands for SOH.

  --session SESSIONID   only this session, e.g. FIX.4.4:PORTCULLIS->BROKER1 (repeat for several)
  --from TIME           from this time on (inclusive): an ISO-8601 instant such as 2026-03-02T14:30:00Z or
                        2026-03-02T09:30:00-05:00, or a date (2026-03-02: from its start, UTC)
  --to TIME             up to this time: an instant (inclusive) or a date (the whole day, UTC)
  --msg-type TYPE       only this MsgType(35): a value such as D or 8, or a name such as NewOrderSingle or
                        ExecutionReport (repeat, or separate with commas, for several)
  --clordid ID          only messages whose ClOrdID(11) or OrigClOrdID(41) is ID
  --limit N             print at most N messages (default 1000; with --follow, the last N before following,
                        default 20; 0 to print only new ones)
  --follow, -f          keep printing messages as they are indexed, until Ctrl-C (not with --to)
  --raw                 print each message as stored, without names
  --config FILE         the gateway's settings file (es.url, audit.index-prefix); PORTCULLIS_* environment
                        variables override it (PORTCULLIS_ES_URL, PORTCULLIS_AUDIT_INDEX_PREFIX)

Messages reach the index asynchronously, normally within a second or two.
Exit status: 0 done (also when nothing matches), 1 Elasticsearch unreachable or refused the search (start the stack:
./portcullis stack up), 2 bad usage (the message names the option).
EOF_USAGE
}

usage_reconcile() {
  cat <<'EOF_USAGE'
Usage: ./portcullis reconcile --date YYYY-MM-DD [--seek-margin-minutes N] [--config FILE]

Compares the executions (fills) of one trading day in the three places that hold them: the engine journal in Kafka
(journal.topic, partition 0; the authority), the executions table in MySQL and the EXECUTION_REPORT documents
(execType TRADE) of the audit index in Elasticsearch. Each ExecID must be in every source exactly once, with the same
OrderID, Symbol, Side, LastQty, LastPx and Account. Prints the count per source, then every break by ExecID:
missing in X, duplicate in X, FIELD differs in X (against the journal).

The trading day is a calendar day in America/New_York, as executions.trade_date is: --date 2026-01-05 covers
TransactTime 2026-01-05T05:00:00Z (inclusive) to 2026-01-06T05:00:00Z (exclusive); 04:00Z during daylight time.
Reconcile a finished day: while trading goes on, what the projections have not caught up with shows as breaks.

  --date YYYY-MM-DD          the trading day (required)
  --seek-margin-minutes N    start the journal scan at the record stamped N minutes before the day instead of at
                             offset 0, and stop at the first one stamped N minutes after it (1 to 1440). Fast on a
                             long journal and exact when record times follow transact times, as in live trading;
                             leave it out for a replayed or simulated journal
  --config FILE              the gateway's settings file (kafka.bootstrap, journal.topic, es.url,
                             audit.index-prefix, db.*); PORTCULLIS_* environment variables override it

Progress of a long journal scan goes to standard error.
Exit status: 0 all three sources agree, 1 a break, 3 a source could not be read (the message names it),
2 bad usage (the message names the option).
EOF_USAGE
}

# pc_history_args COMMAND ARGS...: the arguments for the Java command, with --config made absolute (the command
# runs in the repository root); --help prints the usage and exits.
pc_history_args() {
  local cmd=$1; shift
  PC_HISTORY_ARGS=()
  while (( $# > 0 )); do
    case $1 in
      --help|-h) "usage_$cmd"; exit 0 ;;
      --config) PC_HISTORY_ARGS+=(--config "$(pc_config_file "${2:-}")") || exit 2; shift 2 ;;
      *) PC_HISTORY_ARGS+=("$1"); shift ;;
    esac
  done
}

cmd_fixlog() {
  pc_history_args fixlog "$@"
  pc_ensure_built
  pc_run_app io.portcullis.reporting.fixlog.FixLogMain "${PC_HISTORY_ARGS[@]}"
}

cmd_reconcile() {
  pc_history_args reconcile "$@"
  [[ $# -gt 0 ]] || { usage_reconcile >&2; exit 2; }
  pc_ensure_built
  pc_run_app io.portcullis.reporting.reconcile.ReconcileMain "${PC_HISTORY_ARGS[@]}"
}
