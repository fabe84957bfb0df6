#!/usr/bin/env bash
# Builds the zip Azure Functions runs: host.json, every function folder, and the handler published
# self-contained for linux-x64 (its executable bit kept). Usage: scripts/package.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/package}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/app"

echo "==> Publishing the handler (Release, linux-x64, self-contained)"
dotnet publish src/CustomerTiering.Functions -c Release -r linux-x64 --self-contained -o "$out/app" --nologo -v quiet

echo "==> Zipping"
dotnet run --project tools/CustomerTiering.Packaging -c Release -- "$out/app" "$out/customer-tiering.zip"
