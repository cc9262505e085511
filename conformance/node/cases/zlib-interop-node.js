// Interoperability through files: data compressed by another implementation (node's, recorded below as base64, and the system gzip) decompressed here, and what this runtime compresses decompressed by `node` and by `gzip -d`.
const zlib = require('zlib');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const text = 'Interop between implementations: ' + Array.from({ length: 200 }, (_, i) => i * 7).join(' ') + '\n';
// zlib.gzipSync(text), zlib.deflateSync(text, { level: 9 }) and zlib.brotliCompressSync(text) as Node 20 made them.
const fromNode = {
  gzip: 'H4sIAAAAAAAAAx3Su40gZAxF4ZwqTgn/9dt0QBmsNMFK7OwKRqJ9ZJKTfYl9//j8+vj75y++fXz9+/Hxyfcfv/76+PHx+fXn1/efn//8zqNRYMIGT8KIJYty+tHNBCt20EskQ1pkhdxRPBSNMlAJ1aBONIZm0Rb2HNPD1JgF5sJ8sEgsDcvFqrB2bB42jW3gT/gbXImb4ba4Fx6O58Oz8Qq8hffgk/gavku8IuSEPcKa8CBCRAyRSZQRtUQXMU7sI7bJF6REakhL0o30JaPIdLIeWU12kCNyhtyknlFvKRVlTvmjvKkIKkXlUJVUG9VLTVF7J370a1pBm2gb2pMOo2PpLPpe8f8vmp6gV/QO85KRMVrGinFn4jHRTAZTYmqYTmaMmWW22OesHqtmLVgX68NGsmlsLlvFtrPz2Gl2A72nyy1BiZ7ZZdHzQi/8JvIujV6d6BN9Yk7siV2kV0jyG9S7NJIHUugySHlzq9tbnegTc2JPbCN7gUy6DDJLZG6Xm2gUsvQb67uc6BNzYk5sIn92WeS6VZvftN+lkUcgT10GeZ3oE31iTqz/9h/nmGcDaQMAAA==',
  deflate: 'eNod0ruNIGQMReGcKk4J//XbdEAZrDTBSuzsCkaifWSSk32Jff/4/Pr4++cvvn18/fvx8cn3H7/++vjx8fn159f3n5///M6jUWDCBk/CiCWLcvrRzQQrdtBLJENaZIXcUTwUjTJQCdWgTjSGZtEW9hzTw9SYBebCfLBILA3LxaqwdmweNo1t4E/4G1yJm+G2uBcejufDs/EKvIX34JP4Gr5LvCLkhD3CmvAgQkQMkUmUEbVEFzFO7CO2yRekRGpIS9KN9CWjyHSyHllNdpAjcobcpJ5RbykVZU75o7ypCCpF5VCVVBvVS01Reyd+9GtaQZtoG9qTDqNj6Sz6XvH/L5qeoFf0DvOSkTFaxopxZ+Ix0UwGU2JqmE5mjJllttjnrB6rZi1YF+vDRrJpbC5bxbaz89hpdgO9p8stQYme2WXR80Iv/CbyLo1enegTfWJO7IldpFdI8hvUuzSSB1LoMkh5c6vbW53oE3NiT2wje4FMugwyS2Rul5toFLL0G+u7nOgTc2JObCJ/dlnkulWb37TfpZFHIE9dBnmd6BN9Yk6s//Yfkamnvg==',
  brotli: 'G2gD8B0JNs5yfQjEbSNUuhvb76zGFEDRBtF5mxtw9E9cTP/Z26yADjswbSaRwNJAqAJQIFeYAfW9bt9T/uD/T/18+BOf+9Xf/L7f80c/9ZO//od/+1ENuIuTxLXUNtiWttw93XyWoJZowja35q6ZIlvL5fxV2IZG7tJk6VoaC7ZtO573XROEtSQztnUb7sq0cnXmdxmwjU3c5allaim22F6u/xR3YaKolmyNbdPCXTuX00/VEozYpmbu6mkktbR2OPdvNXAXJ4lrqW2wLW25e7r5V4Jaognb3Jq7ZopsLZ/njyo8FhqJR8PSpWMskLV9O+7uqAFhYcgMXt2G5mSsblfLnWUALDaRjkfLlInYwm7XDxWPg0FRUdgaek0L5ey8Tg8=',
};
for (const [kind, b64] of Object.entries(fromNode)) {
  const bytes = Buffer.from(b64, 'base64');
  const back = kind === 'gzip' ? zlib.gunzipSync(bytes) : kind === 'deflate' ? zlib.inflateSync(bytes) : zlib.brotliDecompressSync(bytes);
  console.log('from node', kind, back.toString() === text);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-zlib-interop-'));
const gzFile = path.join(dir, 'data.txt.gz');
fs.writeFileSync(gzFile, zlib.gzipSync(text, { level: 9 }));
console.log('gzip -dc', execFileSync('gzip', ['-dc', gzFile], { encoding: 'utf8' }) === text);
const plain = path.join(dir, 'plain.txt');
fs.writeFileSync(plain, text.repeat(50));
execFileSync('gzip', ['-9', '-k', plain]);
console.log('system gzip', zlib.gunzipSync(fs.readFileSync(plain + '.gz')).toString() === text.repeat(50));
for (const [kind, packed] of [['gzip', zlib.gzipSync(text)], ['deflate', zlib.deflateSync(text)], ['deflateRaw', zlib.deflateRawSync(text)], ['brotli', zlib.brotliCompressSync(text)]]) {
  const file = path.join(dir, kind + '.bin');
  fs.writeFileSync(file, packed);
  const method = { gzip: 'gunzipSync', deflate: 'inflateSync', deflateRaw: 'inflateRawSync', brotli: 'brotliDecompressSync' }[kind];
  const script = `process.stdout.write(require('zlib').${method}(require('fs').readFileSync(process.argv[1])))`;
  const out = execFileSync('node', ['-e', script, file], { encoding: 'utf8' });
  console.log('node reads', kind, out === text);
}
fs.rmSync(dir, { recursive: true });
