/**
 * A password in front of the embedded database's loopback port. pglite-socket speaks the
 * PostgreSQL wire protocol but has no authentication (PGlite answers AuthenticationOk to any
 * startup message), so any local user could connect to 127.0.0.1:<port> and read every token
 * digest and password hash. This front answers the startup itself: it asks for a password
 * (AuthenticationCleartextPassword, PostgreSQL protocol §55.2.1; it never leaves the loopback
 * interface), compares it in constant time, and only then connects the client to pglite-socket,
 * which listens on a Unix socket in a 0700 directory no other user can reach, and replays the
 * startup message there so PGlite finishes the handshake as usual.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import net from 'node:net';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** A startup or password message longer than this is not a PostgreSQL client. */
const MAX_MESSAGE = 10_000;

export interface PasswordFront {
  port: number;
  close(): Promise<void>;
}

/** PostgreSQL ErrorResponse (§55.7): what psql and postgres.js show as the reason. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

const askForPassword = () => {
  const b = Buffer.alloc(9);
  b.write('R', 0);
  b.writeInt32BE(8, 1);
  b.writeInt32BE(3, 5); // AuthenticationCleartextPassword
  return b;
};

const digest = (s: string | Buffer) => createHash('sha256').update(s).digest();

/**
 * Listens on 127.0.0.1 (a free port) and lets through only clients that send `password`;
 * `target` is where pglite-socket listens (a Unix socket path or named pipe).
 */
export async function startPasswordFront(password: string, target: string): Promise<PasswordFront> {
  const expected = digest(password);
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let buffer = Buffer.alloc(0);
    let startup: Buffer | null = null;
    const refuse = (code: string, message: string) => {
      client.end(errorResponse(code, message));
    };

    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (buffer.length > MAX_MESSAGE * 2) return refuse('08P01', 'message too long');
      for (;;) {
        if (!startup) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (length < 8 || length > MAX_MESSAGE) return refuse('08P01', 'invalid startup packet');
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) {
            client.write('N'); // no TLS on loopback; the client continues in the clear
            continue;
          }
          if (code === CANCEL_REQUEST) return void client.end();
          if (code !== PROTOCOL_3) return refuse('08P01', 'unsupported frontend protocol');
          startup = Buffer.from(message);
          client.write(askForPassword());
          continue;
        }
        // PasswordMessage: 'p', Int32 length, the password, NUL.
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer[0] !== 0x70 || length < 5 || length > MAX_MESSAGE) return refuse('08P01', 'expected a password message');
        if (buffer.length < 1 + length) return;
        const given = buffer.subarray(5, 1 + length - 1);
        const rest = buffer.subarray(1 + length);
        client.off('data', onData);
        if (!timingSafeEqual(digest(given), expected)) return refuse('28P01', 'password authentication failed (the password is in .data/db-password)');
        return connect(client, startup, rest);
      }
    };
    client.on('data', onData);
  });

  function connect(client: net.Socket, startup: Buffer, rest: Buffer) {
    client.pause();
    const upstream = net.connect(target);
    sockets.add(upstream);
    upstream.once('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => refuseUpstream());
    client.once('close', () => upstream.destroy());
    const refuseUpstream = () => {
      if (!client.destroyed) client.end(errorResponse('57P03', 'the embedded database is not accepting connections'));
    };
    upstream.once('connect', () => {
      upstream.write(startup);
      if (rest.length) upstream.write(rest);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
