#!/usr/bin/env bash
# EdiGateway's X12 engine and two npm X12 parsers on the same generated file, side by side:
# throughput (MB/s) and peak memory (max RSS). Usage: bench/compare/compare.sh [size-in-MB, default 100]
set -euo pipefail
size=${1:-100}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ ! -d node_modules/node-x12 ] || [ ! -d node_modules/x12-parser ]; then
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
command -v /usr/bin/time >/dev/null || { echo "GNU time is missing: run 'apt-get install -y time'" >&2; exit 2; }

echo "== EdiGateway engine (generates the file on first run) =="
# built first and run directly, so the peak RSS is the engine's (dotnet run's own MSBuild process would count too)
dotnet build -c Release ../EdiGateway.Bench --nologo -v quiet >/dev/null
/usr/bin/time -f "edigw peak RSS: %M KB" dotnet ../EdiGateway.Bench/bin/Release/net10.0/EdiGateway.Bench.dll x12 --size-mb "$size"
file="${TMPDIR:-/tmp}/edigw-bench-${size}mb.edi"
[ -f "$file" ] || { echo "generated file $file not found" >&2; exit 2; }

for parser in x12-parser node-x12; do
  echo "== $parser =="
  /usr/bin/time -f "$parser peak RSS: %M KB" node --max-old-space-size=16384 "run-$parser.js" "$file" || echo "$parser failed on $file"
done
