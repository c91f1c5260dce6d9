// libas2 as a receiving AS2 partner for EdiGateway.Transports.Tests.
// Env: PORT (listen on 127.0.0.1), PKI (dir with a.crt, b.crt, b.key), OUT (file for the received payload entity).
// Prints "ready <port>" on stdout when listening; one JSON line per message on stderr.
const http = require('http');
const fs = require('fs');
const path = require('path');
const { AS2Parser } = require('libas2');

const pki = process.env.PKI;
const read = (f) => fs.readFileSync(path.join(pki, f), 'utf8');
const agreement = {
  host: { name: 'LIBAS2B', id: 'LIBAS2B', url: 'http://127.0.0.1/as2', certificate: read('b.crt'), privateKey: read('b.key'), decrypt: true, sign: 'sha-256' },
  partner: { name: 'PARTNERA', id: 'PARTNERA', url: 'http://127.0.0.1/as2', certificate: read('a.crt'), verify: true, mdn: { async: false, signing: 'sha-256' } },
};

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', async () => {
    try {
      const node = await AS2Parser.parse({ headers: req.rawHeaders, content: Buffer.concat(chunks) });
      const { contentNode, dispositionNode, disposition } = await node.dispositionOut({ agreement, returnNode: false });
      if (contentNode) fs.writeFileSync(process.env.OUT, await contentNode.build());
      console.error(JSON.stringify({ disposition: disposition.notification }));
      const { headers, body } = await dispositionNode.buildObject();
      const buf = Buffer.from(body);
      res.writeHead(200, { ...headers, 'Content-Length': buf.length });
      res.end(buf);
    } catch (e) {
      console.error(JSON.stringify({ error: String(e && e.stack || e) }));
      res.writeHead(500);
      res.end(String(e));
    }
  });
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => console.log('ready ' + server.address().port));
