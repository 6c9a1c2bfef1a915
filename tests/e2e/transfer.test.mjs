// Bytes transferred (docs/page.md, "Static hosting"): the served dist/ sends the precompressed
// .br / .gz sibling of the .wasm when Accept-Encoding allows it — Content-Encoding set,
// Content-Type still application/wasm, Vary: Accept-Encoding — and the file itself otherwise. Raw HTTP
// (node:http) so nothing decompresses or rewrites headers on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
const wasm = 'pkg/zabscope_web_bg.wasm';

function fetchRaw(path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    get(new URL(path, url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, status: res.statusCode, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the wasm is sent precompressed when the browser accepts it, as is otherwise', async () => {
  const original = readFileSync(`dist/${wasm}`);
  const cases = [
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['br;q=0, gzip', 'gzip', gunzipSync],
    [undefined, undefined, (b) => b],
    ['identity', undefined, (b) => b],
  ];
  for (const [accept, coding, decode] of cases) {
    const r = await fetchRaw(wasm, accept);
    assert.equal(r.status, 200, `Accept-Encoding: ${accept}`);
    assert.equal(r.headers['content-type'], 'application/wasm', `Accept-Encoding: ${accept}`);
    assert.equal(r.headers['content-encoding'], coding, `Accept-Encoding: ${accept}`);
    assert.equal(r.headers.vary, 'Accept-Encoding', `Accept-Encoding: ${accept}`);
    assert.equal(Number(r.headers['content-length']), r.body.length);
    assert.ok(decode(r.body).equals(original), `the ${coding ?? 'plain'} body is the wasm`);
    if (coding) assert.ok(r.body.length < original.length / 2, `${coding} is smaller`);
  }
  assert.equal(statSync(`dist/${wasm}.br`).size, (await fetchRaw(wasm, 'br')).body.length);
});

test('files without a compressed sibling are sent as they are', async () => {
  const r = await fetchRaw('index.html', 'gzip, br');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-encoding'], undefined);
  assert.match(r.headers['content-type'], /^text\/html/);
});
