/**
 * Fetching a client ID metadata document without becoming an SSRF proxy
 * (draft-ietf-oauth-client-id-metadata-document §6 security considerations):
 * - https only; http only to a loopback host with OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK;
 * - every address the host resolves to must be public unicast (no private, loopback, link-local
 *   incl. 169.254.169.254, CGNAT, unique-local incl. fd00:ec2::254, multicast, unspecified,
 *   NAT64 or other reserved ranges), and the connection goes to the address that was checked
 *   (the socket's `lookup` returns it), so a second DNS answer cannot point it elsewhere;
 * - redirects are not followed, a timeout and a size limit bound the work, and the answer must
 *   be a 200 with a JSON content type.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { MetadataDocumentError, type MetadataDocumentFetcher } from '@/lib/oauth/client-id-metadata-document';
import { LOOPBACK_HOSTS } from '@/lib/oauth/redirect-uri';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchOptions {
  allowHttpLoopback: boolean;
  /** Whole request, connect to last byte. */
  timeoutMs?: number;
  /** The draft suggests 5 KB; a larger answer is refused, not truncated. */
  maxBytes?: number;
  /** Injectable for tests (the private-address cases); defaults to the system resolver. */
  resolve?: Resolver;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_BYTES = 5 * 1024;

const RANGE_NAMES: Record<string, string> = {
  private: 'a private',
  loopback: 'a loopback',
  linkLocal: 'a link-local (or cloud metadata)',
  carrierGradeNat: 'a carrier-grade NAT',
  uniqueLocal: 'a unique-local (or cloud metadata)',
  multicast: 'a multicast',
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
};

/** The system resolver, every address of a name (back-channel logout delivery uses it too). */
export const systemResolve: Resolver = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

// RFC 4291 §2.5.5.1: IPv4-compatible IPv6 (::a.b.c.d), deprecated. ipaddr.js calls ::7f00:1
// "unicast", yet it carries 127.0.0.1: the whole ::/96 is refused (except :: and ::1, named below).
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Why this address may not be fetched from (for logs and tests), or null when it is public
 * unicast. The reason names the range and the address; what a client is told names neither
 * (vettedAddress), so the fetcher cannot be used to map internal names to addresses.
 */
export function addressProblem(address: string, allowLoopback: boolean): string | null {
  let raw: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    raw = ipaddr.parse(address);
  } catch {
    return `"${address}" is not an IP address`;
  }
  if (raw.kind() === 'ipv6') {
    const v6 = raw as ipaddr.IPv6;
    const named = v6.range() === 'unspecified' || v6.range() === 'loopback';
    if (v6.match(IPV4_COMPATIBLE) && !named) return `is an IPv4-compatible IPv6 address (${v6.toString()}, deprecated)`;
    // ipaddr.js reads ::a.b.c.d as IPv4-mapped; only the ::ffff: spelling is one.
    if (address.includes('.') && !/^(0{0,4}:){0,5}:?ffff:\d/i.test(address.replace(/^\[|\]$/g, ''))) return `is an IPv4-compatible IPv6 address (${address}, deprecated)`;
  }
  // process(): an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && allowLoopback) return null;
  return `resolves to ${RANGE_NAMES[range] ?? `a reserved (${range})`} address (${parsed.toString()})`;
}

/** `promise`, or a MetadataDocumentError once the deadline (epoch ms) passes. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MetadataDocumentError(reason)), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function vettedAddress(url: URL, opts: FetchOptions, deadline: number, timeoutMs: number): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopbackAllowed = opts.allowHttpLoopback;
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  else {
    // DNS is part of the fetch's deadline: a resolver that never answers must not hold the request.
    const resolving = (opts.resolve ?? systemResolve)(host).catch(() => {
      throw new MetadataDocumentError(`the host ${host} does not resolve`);
    });
    addresses = await beforeDeadline(resolving, deadline, `the host ${host} did not resolve within ${timeoutMs / 1000} s`);
  }
  if (!addresses.length) throw new MetadataDocumentError(`the host ${host} does not resolve`);
  // Every answer must be public: otherwise which one the socket would use decides the outcome.
  // The reason stays in the server's hands: the answer says only that it is not public.
  for (const a of addresses) {
    if (addressProblem(a.address, loopbackAllowed)) throw new MetadataDocumentError(`the host ${host} is not a public address`);
  }
  return addresses[0]!;
}

/** A socket `lookup` that answers `target` for any name: the connection goes to the address that was checked. */
export function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
}

/** The fetcher the server injects into the engine (Deps.fetchMetadataDocument). */
export function createMetadataDocumentFetcher(base: Omit<FetchOptions, 'allowHttpLoopback'> = {}): MetadataDocumentFetcher {
  return (url, { allowHttpLoopback }) => fetchMetadataDocument(url, { ...base, allowHttpLoopback });
}

export async function fetchMetadataDocument(url: URL, opts: FetchOptions): Promise<unknown> {
  const isHttp = url.protocol === 'http:';
  if (url.protocol !== 'https:' && !(isHttp && opts.allowHttpLoopback && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new MetadataDocumentError('the client_id must be an https URL');
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const deadline = Date.now() + timeoutMs;
  const target = await vettedAddress(url, opts, deadline, timeoutMs);

  // The socket connects to the vetted address, whatever DNS says now (no rebinding window).
  const lookup = pinnedLookup(target);

  return new Promise<unknown>((resolve, reject) => {
    const fail = (reason: string) => {
      req.destroy();
      reject(new MetadataDocumentError(reason));
    };
    // What DNS left of the deadline.
    const timer = setTimeout(() => fail(`the document did not arrive within ${timeoutMs / 1000} s`), Math.max(0, deadline - Date.now()));
    const req = (isHttp ? http : https).request(
      url,
      { method: 'GET', lookup, headers: { Accept: 'application/json' }, agent: false },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) return done(fail(`the document URL answered a redirect (HTTP ${status}); redirects are not followed`));
        if (status !== 200) return done(fail(`the document URL answered HTTP ${status}`));
        const type = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json' && !type.endsWith('+json')) return done(fail(`the document is not JSON (Content-Type "${type || 'none'}")`));
        if (Number(res.headers['content-length'] ?? 0) > maxBytes) return done(fail(`the document is larger than ${maxBytes} bytes`));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) done(fail(`the document is larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          if (size > maxBytes) return;
          clearTimeout(timer);
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch {
            reject(new MetadataDocumentError('the document is not valid JSON'));
          }
        });
        res.on('error', () => done(fail('the connection failed while reading the document')));
      },
    );
    // Takes fail()'s (void) result so each refusal reads as one `return done(fail(...))`.
    const done = (settled: void) => {
      clearTimeout(timer);
      return settled;
    };
    req.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e instanceof MetadataDocumentError ? e : new MetadataDocumentError(`the document could not be fetched (${e.code ?? e.message})`));
    });
    req.end();
  });
}
