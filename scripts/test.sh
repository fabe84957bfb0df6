#!/usr/bin/env bash
# Runs every test: installs Azurite and the dashboard's packages (npm ci), Debian's chromium, the NuGet packages,
# builds warnings-as-errors (the app's build bundles the dashboard), runs the suites (one of which checks infra/ with
# the Bicep CLI).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Installing Azurite, ECharts and esbuild from package-lock.json"
npm ci --no-audit --no-fund --loglevel=error

# The dashboard's browser test drives Debian's chromium (Playwright's own browser download cannot run here); the font
# draws the Chinese dashboard in its screenshot.
if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
  echo "==> Installing Debian's chromium and a Chinese font for the dashboard's browser test"
  as_root=""; [ "$(id -u)" = 0 ] || as_root=sudo
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
fi

echo "==> Restoring and building (Release, warnings are errors)"
dotnet build Functions.sln -c Release

echo "==> Running the tests (each integration test class has an Azurite account of its own; the projects run side by side,"
echo "    each closing on a line with its duration; InfrastructureTests builds and lints infra/ with scripts/bicep.sh)"
started=$SECONDS
# Dynamic PGO instruments methods to recompile them for a long-running process; the tests start some thirty workers
# that live for seconds, and without it the suite spends about 8% less CPU on the two cores.
# Each project's results stay in artifacts/test-results (a .trx per project, with every test's start, end and
# duration), so that a slow run can be read afterwards.
DOTNET_TieredPGO=0 dotnet test Functions.sln -c Release --no-build \
  --logger "trx" --results-directory artifacts/test-results "$@"
echo "==> The tests took $((SECONDS - started)) s; everything, $SECONDS s"
