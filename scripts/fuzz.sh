#!/usr/bin/env bash
# The readers' fuzz suite in its long mode: new hostile inputs for CSV, JSON Lines, XLSX and gzip for the given minutes
# (30 unless told), shared among the readers, from a base seed it prints (FUZZ_SEED=<seed> repeats a run). The quick
# mode runs in scripts/test.sh. A failing input is saved under artifacts/fuzz-failures/; once fixed, keep it in
# tests/CustomerTiering.Exports.Tests/Fuzzing/Regressions/. Extra arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
shift || true
dotnet build tests/CustomerTiering.Exports.Tests -c Release
FUZZ_MINUTES="$minutes" dotnet test tests/CustomerTiering.Exports.Tests -c Release --no-build \
  --filter "Category=Fuzz" --logger "console;verbosity=detailed" "$@"
