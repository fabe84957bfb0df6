#!/usr/bin/env bash
# Loads a generated demo shop into a running app through the normal upload path, grades the last two months,
# and prints where to look. scripts/run.sh --demo runs it; it can also be run against an app already up.
# Usage: scripts/demo.sh [base URL, default http://localhost:7071]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://localhost:7071}"
settings=local.settings.json; [ -f "$settings" ] || settings=local.settings.sample.json
key=$(node -p "require('./$settings').Values.DevHost__FunctionKey")
master=$(node -p "require('./$settings').Values.DevHost__MasterKey")
# field <js expression on o>: reads JSON from stdin
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const o=JSON.parse(s);const v=eval(process.argv[1]);console.log(v===undefined||v===null?"":v)})' "$1"; }

echo "==> Waiting for $base/api/health"
for _ in $(seq 1 120); do curl -fsS "$base/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$base/api/health" >/dev/null

echo "==> Generating the demo shop in .demo/"
dotnet artifacts/bin/CustomerTiering.Demo/debug/CustomerTiering.Demo.dll .demo

upload() { # kind file
  local status
  status=$(curl -fsS -X POST -H "x-functions-key: $key" -H "Content-Type: text/csv" --data-binary "@.demo/$2" \
    "$base/api/exports/$1?name=$2" | field o.statusUrl)
  for _ in $(seq 1 600); do
    local record state
    record=$(curl -fsS -H "x-functions-key: $key" "$base$status")
    state=$(echo "$record" | field o.status)
    case "$state" in
      Succeeded|PartiallySucceeded) echo "    $2: $state, $(echo "$record" | field o.written) rows written, $(echo "$record" | field o.rejected) rejected, $(echo "$record" | field o.withoutCustomer) without a customer (report: $base$(echo "$record" | field o.reportUrl))"; return 0 ;;
      Rejected|Failed) echo "    $2: $state: $(echo "$record" | field o.reason)"; return 1 ;;
    esac
    sleep 0.5
  done
  echo "    $2: still not ingested"; return 1
}

echo "==> Uploading the exports (POST /api/exports/{kind})"
upload customers customers.csv
upload orders orders.csv
upload invoices invoices.csv

regrade() { # period
  local run
  run=$(curl -fsS -X POST -H "x-functions-key: $master" -H "Content-Type: application/json" -d "{\"period\":\"$1\"}" "$base/api/manage/regrade" | field o.runId)
  for _ in $(seq 1 600); do
    local state
    state=$(curl -fsS -H "x-functions-key: $master" "$base/api/manage/runs/$run" | field o.run.status)
    case "$state" in
      Succeeded) echo "    $1: run $run succeeded"; return 0 ;;
      Failed) echo "    $1: run $run failed"; return 1 ;;
    esac
    sleep 0.5
  done
  echo "    $1: run $run still going"; return 1
}

last=$(node -e 'const d=new Date();d.setUTCDate(1);d.setUTCMonth(d.getUTCMonth()-1);console.log(d.toISOString().slice(0,7))')
before=$(node -e 'const d=new Date();d.setUTCDate(1);d.setUTCMonth(d.getUTCMonth()-2);console.log(d.toISOString().slice(0,7))')
echo "==> Grading $before, then $last (POST /api/manage/regrade)"
regrade "$before"
regrade "$last"

sample=$(curl -fsS -H "x-functions-key: $key" "$base/api/customers?tier=VIP&pageSize=1" | field 'o.items[0].id')
echo
echo "==> Tier summary of $last"
curl -fsS -H "x-functions-key: $key" "$base/api/tiers/summary" | field 'o.tiers.map(t => `    ${t.group.padEnd(4)} ${String(t.customers).padStart(5)} customers  ${(100*t.revenueShare).toFixed(1).padStart(5)}% of revenue`).join("\n")'
echo
echo "==> A VIP customer, and why"
curl -fsS -H "x-functions-key: $key" "$base/api/customers/$sample" | field '`    ${o.id} ${o.name} (${o.type}, ${o.region}, owner ${o.owner}): ${o.grade.tier}, ${o.grade.segment}, ABC ${o.grade.abc}, ${o.grade.lifecycle}\n` + o.grade.reasons.map(r => "      - " + r.text).join("\n")'
echo
echo "==> What $sample's tier means for the sales team (its playbook)"
curl -fsS -H "x-functions-key: $key" "$base/api/customers/$sample" | field 'o.playbook ? `    contact every ${o.playbook.contactEveryDays ?? "-"} days by ${o.playbook.channels.join(", ")}; dedicated manager: ${o.playbook.dedicatedManager}; complaints priority ${o.playbook.complaintPriority}; next contact due ${o.playbook.nextContactDue ?? "(no last contact on record)"}\n` + o.playbook.benefits.map(b => "      - " + b).join("\n") : "    (no playbook)"'
echo
echo "==> The sales team's books (GET /api/owners)"
curl -fsS -H "x-functions-key: $key" "$base/api/owners" | field 'o.owners.map(b => `    ${b.owner.padEnd(12)} ${String(b.customers).padStart(4)} customers, VIP ${b.tiers.VIP?.customers ?? 0}, A ${b.tiers.A?.customers ?? 0}${b.overloadedTiers.length ? ", overloaded in " + b.overloadedTiers.join(", ") : ""}`).join("\n") + `\n    needing an owner and without one: ${JSON.stringify(o.withoutOwner)}`'
echo
echo "Look further:"
echo "  dashboard        $base/api/dashboard   (function key: $key)"
echo "  API reference    $base/api/docs"
echo "  a customer       curl -H 'x-functions-key: $key' $base/api/customers/$sample"
echo "  tier summary     curl -H 'x-functions-key: $key' $base/api/tiers/summary"
echo "  who moved up     curl -H 'x-functions-key: $key' '$base/api/movements?direction=up'"
echo "  VIPs and As without an owner   curl -H 'x-functions-key: $key' '$base/api/customers?owner=none'"
echo "  an owner's book  curl -H 'x-functions-key: $key' '$base/api/owners/Li%20Na/customers'"
echo "  ingestions, their reports and rejected rows   curl -H 'x-functions-key: $key' $base/api/ingestions"
