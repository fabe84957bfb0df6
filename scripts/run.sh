#!/usr/bin/env bash
# Starts everything for local work: Azurite (data in .azurite/), then the dev host, which starts the worker.
# The API answers on http://localhost:7071/api/...; Ctrl+C stops it all.
# --demo also loads a generated demo shop through the upload API, grades it and prints where to look.
set -euo pipefail
cd "$(dirname "$0")/.."

demo=false
host_args=()
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then demo=true; else host_args+=("$arg"); fi
done

if [ ! -d node_modules/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ ! -f local.settings.json ]; then
  echo "==> Creating local.settings.json from local.settings.sample.json"
  cp local.settings.sample.json local.settings.json
else
  # Settings added to the sample since the copy was made are added to it; the developer's own values stay.
  node -e '
    const fs = require("fs");
    const sample = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
    const local = JSON.parse(fs.readFileSync("local.settings.json", "utf8"));
    local.Values = local.Values || {};
    const added = Object.keys(sample.Values).filter(k => !(k in local.Values));
    added.forEach(k => local.Values[k] = sample.Values[k]);
    if (added.length) {
      fs.writeFileSync("local.settings.json", JSON.stringify(local, null, 2) + "\n");
      console.log("==> Added to local.settings.json: " + added.join(", "));
    }'
fi

echo "==> Building"
dotnet build Functions.sln -c Debug --nologo -v quiet

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_open 10000 && port_open 10001 && port_open 10002; then
  echo "==> Azurite already answers on 10000-10002: using it"
else
  echo "==> Starting Azurite (data in .azurite/, log in .azurite/azurite.log)"
  mkdir -p .azurite
  node node_modules/azurite/dist/src/azurite.js --silent --location .azurite --skipApiVersionCheck --loose --disableTelemetry \
    > .azurite/azurite.log 2>&1 &
  azurite_pid=$!
  trap 'kill $azurite_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do port_open 10002 && break; sleep 0.1; done
fi

echo "==> Starting the dev host on http://localhost:7071 (try: curl localhost:7071/api/health)"
host_log=/dev/stdout
if $demo; then
  # The demo's own output stays readable; the host's request log goes to a file.
  mkdir -p .demo
  host_log=.demo/devhost.log
  echo "    its log: $host_log"
fi
dotnet artifacts/bin/CustomerTiering.DevHost/debug/CustomerTiering.DevHost.dll \
  --app-root artifacts/bin/CustomerTiering.Functions/debug ${host_args[@]+"${host_args[@]}"} > "$host_log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; kill ${azurite_pid:-} 2>/dev/null || true' EXIT
if $demo; then
  port=7071
  for ((i = 0; i < ${#host_args[@]}; i++)); do [ "${host_args[$i]}" = "--port" ] && port="${host_args[$((i + 1))]}"; done
  scripts/demo.sh "http://localhost:$port" || echo "The demo did not load; the app is still running."
fi
wait $host_pid
