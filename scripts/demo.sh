#!/usr/bin/env bash
# Loads a generated demo shop into a running app through the normal upload path, grades the last two months,
# and prints where to look. scripts/run.sh --demo runs it; it can also be run against an app already up.
# Usage: scripts/demo.sh [base URL, default http://localhost:7071]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://localhost:7071}"
# field <js expression on o>: reads JSON from stdin
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const o=JSON.parse(s);const v=eval(process.argv[1]);console.log(v===undefined||v===null?"":v)})' "$1"; }
# token <demo user>: an access token from the dev host's development issuer (valid 8 hours)
token() { curl -fsS -X POST -d "user=$1" "$base/.dev-issuer/token" | field o.access_token; }

echo "==> Waiting for $base/api/health"
for _ in $(seq 1 120); do curl -fsS "$base/api/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$base/api/health" >/dev/null
uploader=$(token uploader)
admin=$(token admin)
manager=$(token manager)
rep=$(token rep)

echo "==> Generating the demo shop in .demo/"
dotnet artifacts/bin/CustomerTiering.Demo/debug/CustomerTiering.Demo.dll .demo

upload() { # kind file
  local status
  status=$(curl -fsS -X POST -H "Authorization: Bearer $uploader" -H "Content-Type: text/csv" --data-binary "@.demo/$2" \
    "$base/api/exports/$1?name=$2" | field o.statusUrl)
  for _ in $(seq 1 600); do
    local record state
    record=$(curl -fsS -H "Authorization: Bearer $uploader" "$base$status")
    state=$(echo "$record" | field o.status)
    case "$state" in
      succeeded|partiallySucceeded) echo "    $2: $state, $(echo "$record" | field o.written) rows written, $(echo "$record" | field o.rejected) rejected, $(echo "$record" | field o.withoutCustomer) without a customer (report: $base$(echo "$record" | field o.reportUrl))"; return 0 ;;
      rejected|failed) echo "    $2: $state: $(echo "$record" | field o.reason)"; return 1 ;;
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
  run=$(curl -fsS -X POST -H "Authorization: Bearer $admin" -H "Content-Type: application/json" -d "{\"period\":\"$1\"}" "$base/api/manage/regrade" | field o.runId)
  for _ in $(seq 1 600); do
    local state
    state=$(curl -fsS -H "Authorization: Bearer $admin" "$base/api/manage/runs/$run" | field o.run.status)
    case "$state" in
      succeeded) echo "    $1: run $run succeeded"; return 0 ;;
      failed) echo "    $1: run $run failed"; return 1 ;;
    esac
    sleep 0.5
  done
  echo "    $1: run $run still going"; return 1
}

echo "==> Mapping the exports' owner \"Li Na\" to the rep li.na@demo.example (PUT /api/manage/owner-directory/{owner})"
curl -fsS -X PUT -H "Authorization: Bearer $admin" -H "Content-Type: application/json" -d '{"user":"li.na@demo.example"}' \
  "$base/api/manage/owner-directory/Li%20Na" >/dev/null

last=$(node -e 'const d=new Date();d.setUTCDate(1);d.setUTCMonth(d.getUTCMonth()-1);console.log(d.toISOString().slice(0,7))')
before=$(node -e 'const d=new Date();d.setUTCDate(1);d.setUTCMonth(d.getUTCMonth()-2);console.log(d.toISOString().slice(0,7))')
echo "==> Grading $before, then $last (POST /api/manage/regrade)"
regrade "$before"
regrade "$last"

sample=$(curl -fsS -H "Authorization: Bearer $manager" "$base/api/customers?tier=VIP&pageSize=1" | field 'o.items[0].id')
echo
echo "==> Tier summary of $last"
curl -fsS -H "Authorization: Bearer $manager" "$base/api/tiers/summary" | field 'o.tiers.map(t => `    ${t.group.padEnd(4)} ${String(t.customers).padStart(5)} customers  ${(100*t.revenueShare).toFixed(1).padStart(5)}% of revenue`).join("\n")'
echo
echo "==> A VIP customer, and why"
curl -fsS -H "Authorization: Bearer $manager" "$base/api/customers/$sample" | field '`    ${o.id} ${o.name} (${o.type}, ${o.region}, owner ${o.owner}): ${o.grade.tier}, ${o.grade.segment}, ABC ${o.grade.abc}, ${o.grade.lifecycle}\n` + o.grade.reasons.map(r => "      - " + r.text).join("\n")'
echo
echo "==> What $sample's tier means for the sales team (its playbook)"
curl -fsS -H "Authorization: Bearer $manager" "$base/api/customers/$sample" | field 'o.playbook ? `    contact every ${o.playbook.contactEveryDays ?? "-"} days by ${o.playbook.channels.join(", ")}; dedicated manager: ${o.playbook.dedicatedManager}; complaints priority ${o.playbook.complaintPriority}; next contact due ${o.playbook.nextContactDue ?? "(no last contact on record)"}\n` + o.playbook.benefits.map(b => "      - " + b).join("\n") : "    (no playbook)"'
echo
echo "==> The sales team's books (GET /api/owners)"
curl -fsS -H "Authorization: Bearer $manager" "$base/api/owners" | field 'o.owners.map(b => `    ${b.owner.padEnd(12)} ${String(b.customers).padStart(4)} customers, VIP ${b.tiers.VIP?.customers ?? 0}, A ${b.tiers.A?.customers ?? 0}${b.overloadedTiers.length ? ", overloaded in " + b.overloadedTiers.join(", ") : ""}`).join("\n") + `\n    needing an owner and without one: ${JSON.stringify(o.withoutOwner)}`'
echo
echo "==> Li Na's own book, as she sees it signed in as a rep"
curl -fsS -H "Authorization: Bearer $rep" "$base/api/tiers/summary" | field '`    ${o.customers} customers, ${o.revenue} revenue: ` + o.tiers.map(t => `${t.group} ${t.customers}`).join(", ")'
echo
echo "Three ways in, as the demo people (the dev host signs their tokens for 8 hours; docs/security.md):"
echo "  as the rep       Li Na reads only her own book: the \"Li Na\" button of $base/api/dashboard, or"
echo "                   rep=\$(curl -s -X POST -d user=rep $base/.dev-issuer/token | node -p 'JSON.parse(require(\"fs\").readFileSync(0)).access_token')"
echo "                   curl -H \"Authorization: Bearer \$rep\" $base/api/customers"
echo "  as the manager   Sun Lei reads every customer: the dashboard's \"Sun Lei\" button, or user=manager as above"
echo "  as the admin     Guo Ming runs regrades, the policy, overrides and the owner directory: \"Guo Ming\", or user=admin"
echo "  (user=uploader is Zhao Qing, who loads exports and follows her own ingestions)"
echo "  API reference    $base/api/docs"
echo "  a customer       curl -H \"Authorization: Bearer \$manager\" $base/api/customers/$sample"
echo "  tier summary     curl -H \"Authorization: Bearer \$manager\" $base/api/tiers/summary"
echo "  who moved up     curl -H \"Authorization: Bearer \$manager\" '$base/api/movements?direction=up'"
echo "  VIPs and As without an owner   curl -H \"Authorization: Bearer \$manager\" '$base/api/customers?owner=none'"
echo "  an owner's book  curl -H \"Authorization: Bearer \$manager\" '$base/api/owners/Li%20Na/customers'"
echo "  ingestions, their reports and rejected rows   curl -H \"Authorization: Bearer \$admin\" $base/api/ingestions"
echo "  the owner directory and the owners no one is mapped to   curl -H \"Authorization: Bearer \$admin\" $base/api/manage/owner-directory"
