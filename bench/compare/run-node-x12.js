// node-x12: reads the whole file and parses it into an interchange tree (its usual use), counting segments.
// Prints one JSON line: {parser, bytes, seconds, mbPerSecond, segments}. Peak memory comes from /usr/bin/time.
const fs = require('fs');
const { X12Parser } = require('node-x12');
const file = process.argv[2];
const started = process.hrtime.bigint();
const text = fs.readFileSync(file, 'utf8');
const parsed = new X12Parser(false).parse(text);
let segments = 0;
for (const ic of Array.isArray(parsed) ? parsed : [parsed]) {
  for (const g of ic.functionalGroups || []) for (const t of g.transactions || []) segments += (t.segments || []).length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const bytes = fs.statSync(file).size;
console.log(JSON.stringify({ parser: 'node-x12', bytes, seconds, mbPerSecond: bytes / 1048576 / seconds, segments }));
