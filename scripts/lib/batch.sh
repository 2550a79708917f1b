# shellcheck shell=bash
# ./portcullis batch ...: the back office's Spring Batch jobs (module backoffice-batch). Sourced by ./portcullis, which
# provides maven, pc_find_jdk, pc_stack_dirs, pc_step, pc_info and pc_die; never run on its own.

usage_batch() {
  cat <<'EOF_USAGE'
Usage: ./portcullis batch run JOB --date YYYY-MM-DD [--config FILE]
       ./portcullis batch restart JOB --date YYYY-MM-DD [--config FILE]
       ./portcullis batch status [JOB] [--date YYYY-MM-DD] [--config FILE]

The back office's end-of-day jobs (Spring Batch; the job repository is in MySQL). JOB is one of:
  trade-date-close  snapshot positions and P&L per account at the close (position_snapshot, account_pnl_snapshot;
                    unrealized at the symbol's last trade price of the date in executions), carry working GTC orders
                    forward (gtc_carry_forward); DAY orders still open become exceptions
  settlement        read the date's executions in chunks, in ExecID order, into the settlement calculations
  reconcile         compare the date's executions in the journal, MySQL and Elasticsearch; breaks go to
                    batch_exception

  run       run JOB for a business date. One run per job and date: a COMPLETED date is refused; a FAILED one runs
            again as a restart, from the step and chunk where it stopped
  restart   the same for a date that failed, and the way back after a crash: an execution left STARTED by a killed
            process (nobody holds the job's Redis lock) is marked FAILED, then restarted
  status    the last run of each date (or every run of one JOB and --date, with its steps), and whether a STARTED
            run is alive (holds the lock) or was killed

Only one run of a job at a time (any date): the second launch is refused. Progress (step, items read and written,
items/s) goes to standard error; the outcome to standard output. --config FILE: the gateway's settings (db.*,
redis.*, kafka.bootstrap, journal.topic, es.url, audit.index-prefix, batch.chunk-size, batch.lock-lease-ms);
PORTCULLIS_* environment variables override it. See docs/backoffice.md.

Environment: PORTCULLIS_BATCH_HEAP, the job's heap (default 2g). The settle step holds its settlement date in
memory, about 6 KB per execution: a day of a million executions needs about 6g; the job says so before it starts.

Exit status:
  0  completed
  1  completed with exceptions (reconcile breaks, open DAY orders, ...): see batch_exception; the date is done
  2  bad usage (the message names the option)
  3  failed; restartable: fix the cause, then ./portcullis batch restart JOB --date D
  4  refused, nothing changed: already completed, another run in progress, a killed run to restart first,
     nothing to restart, or the date is not a trading day or in the future
  5  a service (MySQL, Redis, Kafka, Elasticsearch) unreachable: bring it back, then run or restart again
EOF_USAGE
}

# Builds backoffice-batch (and what it depends on) if anything it is made of changed since the last build.
pc_batch_ensure_built() {
  pc_stack_dirs
  pc_find_jdk
  local stamp="$PORTCULLIS_HOME/backoffice-batch/target/classpath.txt"
  if [[ -f "$stamp" ]] && [[ -z "$(find "$PORTCULLIS_HOME" -path "$PORTCULLIS_HOME/var" -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]]; then
    return 0
  fi
  pc_step "building the back office (first run, or sources changed; log in $PC_LOG/build-batch.log)"
  local start; start=$(pc_now_ms)
  maven -q install -DskipTests -pl backoffice-batch -am >"$PC_LOG/build-batch.log" 2>&1 \
    || { tail -n 40 "$PC_LOG/build-batch.log" >&2; pc_die 1 "the build failed; see $PC_LOG/build-batch.log"; }
  pc_info "    built in $(pc_elapsed "$start")" >&2
}

cmd_batch() {
  case ${1:-} in
    --help|-h|help) usage_batch; return 0 ;;
    run|restart|status) ;;
    "") usage_batch >&2; exit 2 ;;
    *) pc_err "unknown batch command '$1'"; usage_batch >&2; exit 2 ;;
  esac
  local -a args=()
  while (( $# > 0 )); do
    case $1 in
      --help|-h) usage_batch; return 0 ;;
      --config) args+=(--config "$(pc_config_file "${2:-}")") || exit 2; shift ;;
      *) args+=("$1") ;;
    esac
    shift
  done
  pc_batch_ensure_built
  pc_run_batch io.portcullis.backoffice.batch.BatchMain "${args[@]}"
}

# Runs a main class of backoffice-batch (BatchMain, ReportMain) on its runtime class path; build it first. The heap is
# PORTCULLIS_BATCH_HEAP (default 2g): the settle step holds its settlement date (about 6 KB per execution).
pc_run_batch() {
  local main=$1; shift
  [[ "${PORTCULLIS_BATCH_HEAP:-2g}" =~ ^[1-9][0-9]*[mMgG]$ ]] \
    || pc_die 2 "PORTCULLIS_BATCH_HEAP: '${PORTCULLIS_BATCH_HEAP:-}' is not a heap size such as 4g or 6144m"
  local dir="$PORTCULLIS_HOME/backoffice-batch/target"
  (cd "$PORTCULLIS_HOME" && exec "$JAVA_HOME/bin/java" -Xms128m "-Xmx${PORTCULLIS_BATCH_HEAP:-2g}" -XX:+UseZGC \
    --enable-native-access=ALL-UNNAMED \
    -Dlogback.configurationFile="$PORTCULLIS_HOME/etc/logback-batch.xml" \
    -cp "$dir/classes:$(<"$dir/classpath.txt")" "$main" "$@")
}
