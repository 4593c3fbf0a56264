/**
 * Reads a secret for the command line: from a terminal without echo (raw mode, nothing printed
 * as you type), or one line from a pipe (`echo "$PW" | npm run manage -- changepassword …`).
 */
import { UsageError } from './command';

export async function readSecret(prompt: string, options: { optional?: boolean } = {}): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    if (options.optional) return '';
    return readLineFromPipe();
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            input.off('data', onData);
            process.stderr.write('\n');
            resolve(value);
            return;
          }
          if (ch === '\u0003' || ch === '\u0004') {
            input.off('data', onData);
            process.stderr.write('\n');
            reject(new UsageError('cancelled'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
          else value += ch;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}

let piped: Promise<string[]> | undefined;

async function readLineFromPipe(): Promise<string> {
  piped ??= (async () => {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/);
  })();
  const lines = await piped;
  const line = lines.shift();
  if (line === undefined || line === '') throw new UsageError('--password: required (nothing was typed or piped)');
  return line;
}
