# shellcheck shell=bash
# ./portcullis risk ...: the risk officers' desk through the running gateway's admin API (role RISK_OFFICER).
# Sourced by ./portcullis, which provides pc_api, pc_json_string, pc_urlencode and pc_die; never run on its own.

usage_risk() {
  cat <<'EOF'
Usage: ./portcullis risk COMMAND [OPTIONS]

The risk officers' desk through the running gateway's admin API (role RISK_OFFICER; every change is audited with
its reason). Limits live in MySQL (the authority) and reach every gateway node's engine through Redis.

  login --username NAME           print a bearer token (password prompted, or one line on stdin)
  limits [filters]                the limits in force
  set-limit ...                   set a limit (tighter: at once; looser: waits for a second risk officer)
  history ...                     every version of one limit, with who, who approved, and why
  pending [--status STATUS]       limit changes waiting for approval or for their effective time
  approve CHANGE_ID --reason T    approve another officer's increase
  reject CHANGE_ID --reason T     reject (or, as its proposer, withdraw) a pending or scheduled change
  restricted list|add|remove      the restricted list, firm-wide or per account
  hard-to-borrow list|add|remove  the hard-to-borrow list
  locate list|grant               Reg SHO locates
  kill-switches [--engaged]       kill switches and their state
  kill --scope S [--key K] --reason T      engage a kill switch (at once; open orders in scope are cancelled)
  release --scope S [--key K] --reason T   release it
  exposure [--account A]          live exposure per account with utilisation of its credit limits
  rejects [--account A] [--limit N]        recent rejects with their reasons

Run ./portcullis risk COMMAND --help for the options of each. The token comes from PORTCULLIS_API_TOKEN or
--token TOKEN; the gateway from PORTCULLIS_API_URL (default http://127.0.0.1:18080). Output is the API's JSON.
Exit status: 0 done, 1 the gateway refused (its problem+json answer is printed), 2 bad usage.
EOF
}

usage_risk_command() {
  case $1 in
    limits) cat <<'EOF'
Usage: ./portcullis risk limits [--scope FIRM|BROKER_FIRM|ACCOUNT|SYMBOL] [--key KEY] [--symbol SYMBOL] [--name NAME]

Lists the limits in force. KEY is * for FIRM, a broker firm id, or an account id. Each limit shows its version:
pass it as --expected-version to set-limit.
EOF
    ;;
    set-limit) cat <<'EOF'
Usage: ./portcullis risk set-limit --scope SCOPE [--key KEY] [--symbol SYMBOL] --name NAME --value VALUE
                                   --expected-version N [--effective-from 2026-03-02T14:30:00Z] --reason TEXT

Sets a limit. --expected-version is the version you read (0 when the limit has no value at that scope yet); if
someone changed it meanwhile the gateway answers 409 and nothing changes. A tighter value applies at once (or at
--effective-from); a looser one is PENDING_APPROVAL until another risk officer approves it. Values are in the
limit's unit (shares, USD, percent, count, 0/1, milliseconds); a narrower limit may not be looser than a wider one.
Names: MAX_ORDER_QTY MAX_ORDER_NOTIONAL PRICE_COLLAR_PCT PRICE_COLLAR_TICKS MARKET_ORDERS_ALLOWED GROSS_NOTIONAL
NET_NOTIONAL CAPITAL_THRESHOLD MAX_LONG_POSITION MAX_SHORT_POSITION SHORT_EXEMPT_ALLOWED DUPLICATE_WINDOW_MS
DUPLICATE_BLOCK MAX_ORDERS_PER_SECOND MAX_MESSAGES_PER_SECOND MAX_ADV_PCT
EOF
    ;;
    history) cat <<'EOF'
Usage: ./portcullis risk history --scope SCOPE [--key KEY] [--symbol SYMBOL] --name NAME

Every version of one limit, oldest first: old and new value, APPLIED / APPROVED / CLAMPED, who, who approved, why.
EOF
    ;;
    pending) cat <<'EOF'
Usage: ./portcullis risk pending [--status PENDING_APPROVAL|SCHEDULED|APPLIED|REJECTED|SUPERSEDED]

Limit changes waiting for a second risk officer or for their effective time (or those of one status).
EOF
    ;;
    approve) cat <<'EOF'
Usage: ./portcullis risk approve CHANGE_ID --reason TEXT

Approves another officer's pending increase: it applies now, or when due. You cannot approve your own.
EOF
    ;;
    reject) cat <<'EOF'
Usage: ./portcullis risk reject CHANGE_ID --reason TEXT

Rejects a pending or scheduled change; its proposer may withdraw it this way.
EOF
    ;;
    restricted|hard-to-borrow) cat <<EOF
Usage: ./portcullis risk $1 list [--account ACCOUNT|*]
       ./portcullis risk $1 add SYMBOL [--account ACCOUNT] --reason TEXT
       ./portcullis risk $1 remove SYMBOL [--account ACCOUNT] --reason TEXT

The $1 list, firm-wide (no --account) or for one account. Changes apply at once.
EOF
    ;;
    locate) cat <<'EOF'
Usage: ./portcullis risk locate list [--account ACCOUNT] [--include-expired]
       ./portcullis risk locate grant --account ACCOUNT --symbol SYMBOL --quantity N [--id LOCATE_ID]
                                      [--expires-on 2026-03-02] --reason TEXT

Reg SHO locates. A grant applies at once; without --id the gateway makes one (LOC-<n>); it expires at the end of
--expires-on (a US trading date, default today, at most 30 days ahead).
EOF
    ;;
    kill-switches) cat <<'EOF'
Usage: ./portcullis risk kill-switches [--engaged]

Kill switches, engaged and released (only the engaged ones with --engaged).
EOF
    ;;
    kill|release) cat <<EOF
Usage: ./portcullis risk $1 --scope FIRM|BROKER_FIRM|SESSION|ACCOUNT|SYMBOL [--key KEY] --reason TEXT

$( [[ $1 == kill ]] && echo "Engages a kill switch at once: open orders in scope are cancelled and new ones refused." \
   || echo "Releases a kill switch at once." )
KEY: none (or *) for FIRM, else a broker firm id, a FIX SessionID (FIX.4.4:PORTCULLIS->BROKER1), an account or a symbol.
EOF
    ;;
    exposure) cat <<'EOF'
Usage: ./portcullis risk exposure [--account ACCOUNT]

Live exposure per account (open orders plus today's executions, USD) with the GROSS_NOTIONAL and NET_NOTIONAL
limits in force and their utilisation in percent.
EOF
    ;;
    rejects) cat <<'EOF'
Usage: ./portcullis risk rejects [--account ACCOUNT] [--limit N]

Recently rejected orders with their reasons, newest first (N from 1 to 1000, default 100).
EOF
    ;;
    login) cat <<'EOF'
Usage: ./portcullis risk login --username NAME

Prints a bearer token for NAME (password prompted without echo, or one line on standard input); export it as
PORTCULLIS_API_TOKEN for the other commands.
EOF
    ;;
    *) usage_risk ;;
  esac
}

# pc_risk_query NAME=VALUE...: a query string of the non-empty values, each percent-encoded.
pc_risk_query() {
  local pair out=""
  for pair in "$@"; do
    [[ -n "${pair#*=}" ]] || continue
    out+="${out:+&}${pair%%=*}=$(pc_urlencode "${pair#*=}")"
  done
  printf '%s' "${out:+?$out}"
}

cmd_risk() {
  local sub=${1:-}
  [[ $# -gt 0 ]] && shift
  case $sub in
    --help|-h|help) usage_risk; return 0 ;;
    "") usage_risk >&2; exit 2 ;;
    login|limits|set-limit|history|pending|approve|reject) ;;
    restricted|hard-to-borrow|locate|kill-switches|kill|release|exposure|rejects) ;;
    *) pc_err "unknown risk command '$sub'"; usage_risk >&2; exit 2 ;;
  esac
  local action="" id="" symbol_arg=""
  case $sub in
    restricted|hard-to-borrow|locate)
      [[ "${1:-}" == --help || "${1:-}" == -h ]] && { usage_risk_command "$sub"; return 0; }
      action=${1:-}; [[ $# -gt 0 ]] && shift
      case "$sub:$action" in
        restricted:list|restricted:add|restricted:remove) ;;
        hard-to-borrow:list|hard-to-borrow:add|hard-to-borrow:remove) ;;
        locate:list|locate:grant) ;;
        *) pc_err "risk $sub needs one of: $( [[ $sub == locate ]] && echo 'list, grant' || echo 'list, add, remove' )"
           usage_risk_command "$sub" >&2; exit 2 ;;
      esac
      if [[ $action == add || $action == remove ]]; then
        [[ $# -gt 0 && $1 != --* ]] || pc_die 2 "risk $sub $action needs a SYMBOL"
        symbol_arg=$1; shift
      fi ;;
    approve|reject)
      if [[ $# -gt 0 && $1 != --* ]]; then id=$1; shift; fi ;;
  esac
  local scope="" key="" symbol="" name="" value="" version="" effective="" reason="" status="" account=""
  local quantity="" locate_id="" expires="" limit="" engaged="" expired="" username=""
  PC_API_TOKEN=${PORTCULLIS_API_TOKEN:-}
  while (( $# > 0 )); do
    case $1 in
      --help|-h) usage_risk_command "$sub"; return 0 ;;
      --engaged) engaged=true; shift; continue ;;
      --include-expired) expired=true; shift; continue ;;
    esac
    [[ $# -ge 2 ]] || pc_die 2 "$1 takes a value (see ./portcullis risk $sub --help)"
    case $1 in
      --scope) scope=$2 ;;
      --key) key=$2 ;;
      --symbol) symbol=$2 ;;
      --name) name=$2 ;;
      --value) value=$2 ;;
      --expected-version)
        [[ "$2" =~ ^[0-9]+$ ]] || pc_die 2 "--expected-version takes the version you read (0 for none)"
        version=$2 ;;
      --effective-from) effective=$2 ;;
      --reason) reason=$2 ;;
      --status) status=$2 ;;
      --account) account=$2 ;;
      --quantity) [[ "$2" =~ ^[1-9][0-9]*$ ]] || pc_die 2 "--quantity takes a positive number of shares"; quantity=$2 ;;
      --id) locate_id=$2 ;;
      --expires-on) expires=$2 ;;
      --limit) [[ "$2" =~ ^[1-9][0-9]*$ ]] || pc_die 2 "--limit takes a number from 1 to 1000"; limit=$2 ;;
      --token) PC_API_TOKEN=$2 ;;
      --username) username=$2 ;;
      *) pc_err "unknown option '$1'"; usage_risk_command "$sub" >&2; exit 2 ;;
    esac
    shift 2
  done
  if [[ $sub == login ]]; then
    [[ -n "$username" ]] || pc_die 2 "login needs --username NAME"
    local password
    if [[ -t 0 ]]; then read -r -s -p "password for $username: " password; echo >&2; else read -r password; fi
    pc_api POST /api/auth/token "{\"username\":$(pc_json_string "$username"),\"password\":$(pc_json_string "$password")}"
    return
  fi
  [[ -n "$PC_API_TOKEN" ]] \
    || pc_die 2 "no token: set PORTCULLIS_API_TOKEN or pass --token (get one with ./portcullis risk login --username NAME)"
  local needs_reason=0
  case "$sub:$action" in
    set-limit:*|approve:*|reject:*|kill:*|release:*|*:add|*:remove|locate:grant) needs_reason=1 ;;
  esac
  if (( needs_reason )) && [[ -z "$reason" ]]; then
    pc_die 2 "risk $sub${action:+ $action} needs --reason TEXT (every change is audited with its reason)"
  fi
  local body list_path
  case $sub in
    limits)
      pc_api GET "/api/risk/limits$(pc_risk_query "scope=$scope" "key=$key" "symbol=$symbol" "name=$name")" ;;
    set-limit)
      [[ -n "$scope" && -n "$name" && -n "$value" && -n "$version" ]] \
        || pc_die 2 "set-limit needs --scope, --name, --value and --expected-version (see ./portcullis risk set-limit --help)"
      body="{\"scope\":$(pc_json_string "$scope"),\"name\":$(pc_json_string "$name"),\"value\":$(pc_json_string "$value")"
      body+=",\"expectedVersion\":$version,\"reason\":$(pc_json_string "$reason")"
      [[ -n "$key" ]] && body+=",\"key\":$(pc_json_string "$key")"
      [[ -n "$symbol" ]] && body+=",\"symbol\":$(pc_json_string "$symbol")"
      [[ -n "$effective" ]] && body+=",\"effectiveFrom\":$(pc_json_string "$effective")"
      pc_api PUT /api/risk/limits "$body}" ;;
    history)
      [[ -n "$scope" && -n "$name" ]] || pc_die 2 "history needs --scope and --name"
      pc_api GET "/api/risk/limits/history$(pc_risk_query "scope=$scope" "key=$key" "symbol=$symbol" "name=$name")" ;;
    pending)
      pc_api GET "/api/risk/approvals$(pc_risk_query "status=$status")" ;;
    approve|reject)
      [[ "$id" =~ ^[0-9]+$ ]] || pc_die 2 "risk $sub needs a CHANGE_ID (a number; see ./portcullis risk pending)"
      pc_api POST "/api/risk/approvals/$id/$sub" "{\"reason\":$(pc_json_string "$reason")}" ;;
    restricted|hard-to-borrow)
      list_path="/api/risk/lists/$sub"
      case $action in
        list) pc_api GET "$list_path$(pc_risk_query "account=$account")" ;;
        add)
          body="{\"symbol\":$(pc_json_string "$symbol_arg"),\"reason\":$(pc_json_string "$reason")"
          [[ -n "$account" ]] && body+=",\"account\":$(pc_json_string "$account")"
          pc_api POST "$list_path" "$body}" ;;
        remove)
          pc_api DELETE "$list_path/$(pc_urlencode "${account:-*}")/$(pc_urlencode "$symbol_arg")" \
            "{\"reason\":$(pc_json_string "$reason")}" ;;
      esac ;;
    locate)
      case $action in
        list) pc_api GET "/api/risk/locates$(pc_risk_query "account=$account" "includeExpired=$expired")" ;;
        grant)
          [[ -n "$account" && -n "$symbol" && -n "$quantity" ]] \
            || pc_die 2 "locate grant needs --account, --symbol and --quantity"
          body="{\"account\":$(pc_json_string "$account"),\"symbol\":$(pc_json_string "$symbol"),\"quantity\":$quantity"
          body+=",\"reason\":$(pc_json_string "$reason")"
          [[ -n "$locate_id" ]] && body+=",\"locateId\":$(pc_json_string "$locate_id")"
          [[ -n "$expires" ]] && body+=",\"expiresOn\":$(pc_json_string "$expires")"
          pc_api POST /api/risk/locates "$body}" ;;
      esac ;;
    kill-switches)
      pc_api GET "/api/risk/kill-switches$(pc_risk_query "engaged=$engaged")" ;;
    kill|release)
      [[ -n "$scope" ]] || pc_die 2 "risk $sub needs --scope FIRM|BROKER_FIRM|SESSION|ACCOUNT|SYMBOL"
      body="{\"scope\":$(pc_json_string "$scope"),\"reason\":$(pc_json_string "$reason")"
      [[ -n "$key" ]] && body+=",\"key\":$(pc_json_string "$key")"
      pc_api POST "/api/risk/kill-switches/$( [[ $sub == kill ]] && echo engage || echo release )" "$body}" ;;
    exposure)
      pc_api GET "/api/risk/exposure$(pc_risk_query "account=$account")" ;;
    rejects)
      pc_api GET "/api/risk/rejects$(pc_risk_query "account=$account" "limit=$limit")" ;;
  esac
}
