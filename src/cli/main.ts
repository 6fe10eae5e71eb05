/** The real process behind `povlint`: wires `run` to stdin, stdout, stderr and the exit code. */
import type { CliIo } from './io.js';
import { run } from './run.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
}

// A closed pipe (`povlint ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () =>
    readStdin().catch((e: unknown) => {
      throw new Error(e instanceof TypeError ? 'not valid UTF-8 text' : (e as Error).message);
    }),
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
};

process.exitCode = await run(process.argv.slice(2), io);
