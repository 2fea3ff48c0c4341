// A pino logger whose lines a test can read, to check what the app logged.
import { Writable } from 'node:stream';
import pino, { type Level } from 'pino';

export type LogLine = Record<string, unknown> & { msg?: string; level?: number; requestId?: string };

/** pino's number for the error level: lines at it or above are errors. */
export const errorLevel = 50;

/** A logger at `level` whose lines land in `lines`, parsed. */
export function capturedLogger(level: Level = 'debug') {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return {
    lines,
    logger: pino({ level }, stream),
    /** The lines logged at error level or above. */
    errors: () => lines.filter((line) => (line.level ?? 0) >= errorLevel),
  };
}
