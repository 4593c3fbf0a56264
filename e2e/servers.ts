/**
 * Extra servers for specs that need settings the shared test server does not have: another
 * production server (scripts/e2e-server.mjs, a fresh embedded database with the demo users) on
 * a free port with extra environment, and a throwaway TLS certificate for 127.0.0.1.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export interface RunningServer {
  baseURL: string;
  /** The example MCP server's URL on it. */
  mcpUrl: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the production build with `env` added and waits until it answers /api/health. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['scripts/e2e-server.mjs'], {
    cwd: root,
    env: { ...process.env, ...env, E2E_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseURL,
    mcpUrl: `${baseURL}/api/mcp`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A self-signed certificate for https://127.0.0.1, made once per run with openssl. */
export function loopbackTls(): { key: string; cert: string; certFile: string } {
  const dir = path.join(os.tmpdir(), 'oauth-e2e-tls');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const fresh = fs.existsSync(certFile) && Date.now() - fs.statSync(certFile).mtimeMs < 86_400_000;
  if (!fresh) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '7', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
    ], { stdio: 'ignore' });
  }
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile };
}

// Production shape: server.mjs instances on one PostgreSQL (instances.spec.ts, fast-path.spec.ts).

export interface Instance {
  name: string;
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output: string[];
  exited: Promise<number | null>;
}


/** scripts/pg-temp.sh from TypeScript: a fresh PostgreSQL 15 cluster on a free port. */
export function startPostgres(): { url: string; dir: string } {
  // Without FORCE_COLOR (Playwright sets it): node would print the port number in colour.
  const plain = { ...process.env };
  delete plain.FORCE_COLOR;
  const r = spawnSync('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_start >&2 && echo "$PG_TEMP_DIR $PG_TEMP_URL"'], { cwd: root, encoding: 'utf8', env: plain });
  if (r.status !== 0) throw new Error(`pg-temp: ${r.stderr}`);
  const [dir, url] = r.stdout.trim().split(' ');
  return { dir: dir!, url: url! };
}
export function stopPostgres(dir: string) {
  spawnSync('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_stop'], { cwd: root, env: { ...process.env, PG_TEMP_DIR: dir } });
}

export async function startInstance(name: string, port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const proc = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`${name} exited during start:\n${output.join('\n')}`);
    const ok = await fetch(`${url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 120) throw new Error(`${name} not ready after 60 s:\n${output.join('\n')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { name, url, port, proc, output, exited };
}
