#!/usr/bin/env bash
# Runs every test: installs Azurite (npm ci) and the NuGet packages, builds warnings-as-errors, checks infra/
# with the Bicep CLI, runs the suites.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Installing Azurite from package-lock.json"
npm ci --no-audit --no-fund --loglevel=error

echo "==> Restoring and building (Release, warnings are errors)"
dotnet build Functions.sln -c Release

echo "==> Checking the infrastructure (bicep build and lint, warnings fail)"
scripts/bicep.sh

echo "==> Running the tests (each integration test class starts its own Azurite)"
dotnet test Functions.sln -c Release --no-build "$@"
