// libas2 as a sending AS2 partner: signs (sha-256), encrypts (aes256-CBC) and asks for a signed sync MDN.
// Env: URL (our receiver), PKI (dir with a.crt, a.key, b.crt), PAYLOAD (file to send).
// Prints one JSON line: HTTP status, raw response headers, base64 body, and libas2's own reading of the MDN.
const fs = require('fs');
const path = require('path');
const { AS2Composer, AS2Parser, request } = require('libas2');

const pki = process.env.PKI;
const read = (f) => fs.readFileSync(path.join(pki, f), 'utf8');

(async () => {
  const agreement = {
    host: { name: 'LIBAS2A', id: 'LIBAS2A', url: 'http://127.0.0.1/mdn', certificate: read('a.crt'), privateKey: read('a.key'), sign: 'sha-256', mdn: { async: false, signing: 'sha-256' } },
    partner: { name: 'EDIGW-B', id: 'EDIGW-B', url: process.env.URL, certificate: read('b.crt'), encrypt: 'aes256-CBC', verify: true },
  };
  const composer = new AS2Composer({
    message: { filename: 'po.x12', contentType: 'application/edi-x12', content: fs.readFileSync(process.env.PAYLOAD) },
    agreement,
  });
  const options = await composer.toRequestOptions();
  const res = await request(options);
  let parsed = null;
  let verified = null;
  try {
    const mdn = await AS2Parser.parse({ headers: res.rawHeaders, content: res.rawBody });
    const d = await mdn.dispositionIn();
    parsed = d.notification || d;
  } catch (e) {
    parsed = { error: String(e) };
  }
  try {
    const mdn = await AS2Parser.parse({ headers: res.rawHeaders, content: res.rawBody });
    const d = await mdn.dispositionIn({ cert: read('b.crt') });
    verified = d.notification || d;
  } catch (e) {
    verified = { error: String(e) };
  }
  console.log(JSON.stringify({ status: res.statusCode, headers: res.rawHeaders, body: res.rawBody.toString('base64'), libas2: parsed, libas2Verified: verified, messageId: options.headers['Message-ID'] || options.headers['message-id'] }));
})().catch((e) => { console.log(JSON.stringify({ error: String(e && e.stack || e) })); process.exit(1); });
