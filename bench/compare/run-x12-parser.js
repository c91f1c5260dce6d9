// x12-parser: streams the file through its Transform and counts the segment objects it emits.
// Prints one JSON line: {parser, bytes, seconds, mbPerSecond, segments}. Peak memory comes from /usr/bin/time.
const fs = require('fs');
const { X12parser } = require('x12-parser');
const file = process.argv[2];
const started = process.hrtime.bigint();
let segments = 0;
fs.createReadStream(file).pipe(new X12parser()).on('data', () => { segments++; }).on('end', () => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const bytes = fs.statSync(file).size;
  console.log(JSON.stringify({ parser: 'x12-parser', bytes, seconds, mbPerSecond: bytes / 1048576 / seconds, segments }));
}).on('error', (e) => { console.error(e.message); process.exit(1); });
