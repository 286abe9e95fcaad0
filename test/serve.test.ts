// The demo server: its own files only, with a strict CSP, whatever the request path says.
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createDemoServer } from '../src/cli/serve.js';

const server = createDemoServer('dist');
let port = 0;
beforeAll(() => new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), ok()))));
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

/** A raw request: the path is sent exactly as written (fetch would normalise '..'). */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('demo server', () => {
  it('serves the page and its files with CSP and nosniff', async () => {
    for (const [path, type] of [['/', 'text/html'], ['/index.html', 'text/html'], ['/demo.js', 'text/javascript'], ['/demo.css', 'text/css']] as const) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toContain(type);
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    const tokens = CONTENT_SECURITY_POLICY.split(/[\s;]+/);
    expect(tokens).not.toContain("'unsafe-inline'");
    expect(tokens).not.toContain("'unsafe-eval'");
    expect((await get('/')).body).toMatch(/<tinydigit-pad id="pad"/);
  });

  it('never serves anything outside its folder', async () => {
    const attempts = ['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/%252e%252e/package.json', '/..\\package.json', '/..%5cpackage.json',
      '//etc/passwd', '/demo.js%00.html', '/%00', '/.git/config', '/%', '/nope.html', '/../../../../etc/passwd', 'index.html'];
    for (const path of attempts) {
      const r = await get(path);
      expect([400, 404]).toContain(r.status);
      expect(r.body).not.toMatch(/"name": "tinydigit"|root:/);
      // 400: refused by Node's HTTP parser before the handler ('index.html' has no leading slash)
      if (r.status === 404) expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'DELETE')).status).toBe(405);
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('`tinydigit serve` prints its URL and serves the page there', async () => {
    const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--port', '0']);
    try {
      const url = await new Promise<string>((ok, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = d.toString().match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (m) ok(m[0]);
        });
        child.on('exit', () => fail(new Error('serve exited')));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/tinydigit: draw a digit/);
    } finally {
      child.kill();
    }
  });
});
