/**
 * draft-ietf-oauth-client-id-metadata-document §6 (security considerations): fetching a client's
 * document must not let a client_id reach internal services. A local server (http on loopback,
 * the development setting) plays the client; an injected resolver plays DNS for the private cases.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressProblem, fetchMetadataDocument, type Resolver } from './fetch-metadata-document';

const DOC = { client_id: 'x', client_name: 'Agent', redirect_uris: ['http://127.0.0.1/cb'] };
let server: http.Server;
let origin: string;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    switch (req.url) {
      case '/doc':
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        return res.end(JSON.stringify(DOC));
      case '/redirect':
        res.writeHead(302, { Location: '/doc' });
        return res.end();
      case '/html':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html></html>');
      case '/big':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ ...DOC, pad: 'x'.repeat(6000) }));
      case '/big-chunked':
        // No Content-Length: the limit must hold while reading too.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
        for (let i = 0; i < 10; i++) res.write('x'.repeat(1000));
        return res.end();
      case '/slow':
        return; // never answers
      case '/broken':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end('{not json');
      default:
        res.writeHead(404, { 'Content-Type': 'application/json' });
        return res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const dev = { allowHttpLoopback: true };
const fetchDoc = (path: string, opts: Partial<Parameters<typeof fetchMetadataDocument>[1]> = {}) => fetchMetadataDocument(new URL(origin + path), { ...dev, ...opts });
const resolvesTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('client ID metadata document fetch: what is allowed', () => {
  it('fetches a JSON document over http on loopback with the development setting', async () => {
    expect(await fetchDoc('/doc')).toEqual(DOC);
  });
});

describe('§6 SSRF: refusals', () => {
  it('https only: http is refused without OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK', async () => {
    await expect(fetchDoc('/doc', { allowHttpLoopback: false })).rejects.toThrow(/must be an https URL/);
  });
  it('https only: http to a non-loopback host is refused even with the development setting', async () => {
    await expect(fetchMetadataDocument(new URL('http://client.example/doc'), dev)).rejects.toThrow(/https/);
  });
  it('loopback addresses are refused without the development setting (https://localhost)', async () => {
    await expect(fetchMetadataDocument(new URL('https://localhost/doc'), { allowHttpLoopback: false, resolve: resolvesTo('127.0.0.1') })).rejects.toThrow(
      'the host localhost is not a public address',
    );
    await expect(fetchMetadataDocument(new URL('https://[::1]/doc'), { allowHttpLoopback: false })).rejects.toThrow('the host ::1 is not a public address');
  });
  it.each([
    ['10.1.2.3', /private/],
    ['192.168.0.10', /private/],
    ['172.16.5.5', /private/],
    ['169.254.169.254', /link-local \(or cloud metadata\)/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['fd00:ec2::254', /unique-local/],
    ['fe80::1', /link-local/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['::ffff:10.0.0.1', /private/],
    ['::ffff:7f00:1', /loopback/],
    ['64:ff9b::a00:1', /reserved/],
    // RFC 4291 §2.5.5.1 IPv4-compatible (::/96): 127.0.0.1 and 10.0.0.1 in disguise.
    ['::7f00:1', /IPv4-compatible/],
    ['::a00:1', /IPv4-compatible/],
    ['::127.0.0.1', /IPv4-compatible/],
  ])('a host resolving to %s is refused before any connection, without saying the address', async (address, reason) => {
    expect(addressProblem(address, false)).toMatch(reason);
    const refusal = fetchMetadataDocument(new URL('https://client.example/doc'), { allowHttpLoopback: false, resolve: resolvesTo(address) });
    await expect(refusal).rejects.toThrow(new Error('the host client.example is not a public address'));
  });
  it('one private address among public ones is enough to refuse (DNS answers are not picked from)', async () => {
    await expect(fetchMetadataDocument(new URL('https://client.example/doc'), { allowHttpLoopback: false, resolve: resolvesTo('93.184.215.14', '10.0.0.7') })).rejects.toThrow(
      /not a public address/,
    );
  });
  it('an IP literal in the URL is checked the same way, IPv4-compatible IPv6 too', async () => {
    await expect(fetchMetadataDocument(new URL('https://169.254.169.254/latest/meta-data'), { allowHttpLoopback: false })).rejects.toThrow(/not a public address/);
    await expect(fetchMetadataDocument(new URL('https://[::7f00:1]/doc'), { allowHttpLoopback: false })).rejects.toThrow(/not a public address/);
  });
  it('DNS is under the same deadline as the fetch: a resolver that never answers times out', async () => {
    const started = Date.now();
    const never: Resolver = () => new Promise(() => {});
    await expect(fetchMetadataDocument(new URL('https://slow-dns.example/doc'), { allowHttpLoopback: false, resolve: never, timeoutMs: 300 })).rejects.toThrow(
      'the host slow-dns.example did not resolve within 0.3 s',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it('a host that does not resolve is refused with a reason', async () => {
    const resolve: Resolver = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(fetchMetadataDocument(new URL('https://nowhere.invalid/doc'), { allowHttpLoopback: false, resolve })).rejects.toThrow(/does not resolve/);
  });
  it('connects to the vetted address, not a second DNS answer', async () => {
    // "localhost" is vetted as 127.0.0.1 (the resolver's answer) and the socket uses exactly that.
    const port = new URL(origin).port;
    expect(await fetchMetadataDocument(new URL(`http://localhost:${port}/doc`), { ...dev, resolve: resolvesTo('127.0.0.1') })).toEqual(DOC);
    await expect(fetchMetadataDocument(new URL(`http://localhost:${port}/doc`), { ...dev, resolve: resolvesTo('10.0.0.1') })).rejects.toThrow(/not a public address/);
    // Vetted as 127.0.0.2, where nothing listens: the system's own answer for localhost (127.0.0.1) is not used.
    await expect(fetchMetadataDocument(new URL(`http://localhost:${port}/doc`), { ...dev, resolve: resolvesTo('127.0.0.2') })).rejects.toThrow(/could not be fetched/);
  });
  it('a redirect is an error, not followed', async () => {
    const before = hits;
    await expect(fetchDoc('/redirect')).rejects.toThrow(/redirect \(HTTP 302\)/);
    expect(hits - before).toBe(1);
  });
  it('oversize (over 5 KB) is refused, by Content-Length or while reading', async () => {
    await expect(fetchDoc('/big')).rejects.toThrow(/larger than 5120 bytes/);
    await expect(fetchDoc('/big-chunked')).rejects.toThrow(/larger than 5120 bytes/);
  });
  it('a non-JSON content type is refused', async () => {
    await expect(fetchDoc('/html')).rejects.toThrow(/not JSON \(Content-Type "text\/html"\)/);
  });
  it('invalid JSON and a non-200 status are refused', async () => {
    await expect(fetchDoc('/broken')).rejects.toThrow(/not valid JSON/);
    await expect(fetchDoc('/missing')).rejects.toThrow(/HTTP 404/);
  });
  it('a server that does not answer times out', async () => {
    const started = Date.now();
    await expect(fetchDoc('/slow', { timeoutMs: 300 })).rejects.toThrow(/within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('addressProblem', () => {
  it('accepts public unicast v4 and v6', () => {
    expect(addressProblem('93.184.215.14', false)).toBeNull();
    expect(addressProblem('2606:2800:21f:cb07:6820:80da:af6b:8b2c', false)).toBeNull();
  });
});
