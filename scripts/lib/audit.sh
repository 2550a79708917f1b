# shellcheck shell=bash
# ./portcullis audit ...: the audit trail's tamper evidence. Sourced by ./portcullis; never run on its own.

usage_audit() {
  cat <<'EOF2'
Usage: ./portcullis audit verify [--from TIME] [--to TIME] [--stream journal|audit|all] [--config FILE]

Re-walks the hash chain of each audited stream (the engine journal, and the audit topic with every FIX message and
admin action): rebuilds each document of the period from its Kafka record, compares it with the Elasticsearch audit
index, and compares every checkpoint kept in MySQL on the way. Prints the first record that does not match (deleted,
edited, inserted, re-hashed) with its document id and chain sequence. Needs the stack (MySQL, Kafka, Elasticsearch).

  --from TIME     start of the period: an instant (2026-11-25T14:30:00Z) or a date (2026-11-25, from its start,
                  UTC); default the start of the chain. The walk starts at the last checkpoint before it.
  --to TIME       end of the period: an instant or a date (to its end, UTC); default what is indexed so far
  --stream S      journal, audit or all (default all)
  --config FILE   settings file (default: the environment and portcullis.env)

Exit status: 0 every record matches, 1 a mismatch was found, 2 bad usage, 3 a service could not be reached.
See docs/audit.md.
EOF2
}

cmd_audit() {
  case ${1:-} in
    --help|-h|help) usage_audit; return 0 ;;
    verify) ;;
    "") usage_audit >&2; exit 2 ;;
    *) pc_err "unknown audit command '$1'"; usage_audit >&2; exit 2 ;;
  esac
  local -a args=()
  while (( $# > 0 )); do
    case $1 in
      --help|-h) usage_audit; return 0 ;;
      --config) args+=(--config "$(pc_config_file "${2:-}")") || exit 2; shift ;;
      *) args+=("$1") ;;
    esac
    shift
  done
  pc_find_jdk
  pc_ensure_built
  pc_run_app io.portcullis.reporting.audit.AuditMain "${args[@]}"
}
