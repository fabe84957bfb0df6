#!/usr/bin/env bash
# The reliability suite alone, in its long mode (more seeds for the randomised scenarios): the figures of
# docs/reliability.md. Builds first, as scripts/test.sh does; extra arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
dotnet build Functions.sln -c Release
RELIABILITY_LONG=1 dotnet test tests/CustomerTiering.Functions.Tests -c Release --no-build \
  --filter "Category=Reliability" --logger "console;verbosity=normal" "$@"
