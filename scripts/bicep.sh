#!/usr/bin/env bash
# Builds and lints infra/ with the Bicep CLI from its NuGet package (restored on first use); fails on any warning.
# Usage: scripts/bicep.sh [folder to keep the built ARM JSON in]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore tools/Bicep/Bicep.csproj --nologo -v quiet
version=$(sed -n 's/.*"Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[ -x "$bicep" ] || chmod +x "$bicep"

if [ -n "${1:-}" ]; then
  mkdir -p "$1"; out="$1"
else
  out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fi
# The params files read the API's client id from the environment at build time; a placeholder lets them build here.
export API_CLIENT_ID="${API_CLIENT_ID:-00000000-0000-0000-0000-000000000000}"
# And the erasure key, which only a deployment needs for real (docs/privacy.md).
export ERASURE_KEY="${ERASURE_KEY:-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=}"
status=0
for file in infra/main.bicep infra/*.bicepparam; do
  case "$file" in
    *.bicep) "$bicep" build "$file" --outdir "$out" 2>"$out/log" || status=1 ;;
    *.bicepparam) "$bicep" build-params "$file" --outfile "$out/$(basename "$file").json" 2>"$out/log" || status=1 ;;
  esac
  "$bicep" lint "$file" 2>>"$out/log" || status=1
  if [ -s "$out/log" ]; then
    cat "$out/log"; status=1
  fi
done
[ $status -eq 0 ] && echo "==> infra/: bicep build and lint clean"
exit $status
