#!/usr/bin/env bash
# Builds the zip Azure Functions runs for a .NET isolated app: the published worker with host.json,
# functions.metadata, worker.config.json and the SDK's .azurefunctions folder. Usage: scripts/package.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/package}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/app"

echo "==> Publishing the worker (Release)"
dotnet publish src/CustomerTiering.Functions -c Release -o "$out/app" --nologo -v quiet

echo "==> Zipping"
dotnet run --project tools/CustomerTiering.Packaging -c Release -- "$out/app" "$out/customer-tiering.zip"
