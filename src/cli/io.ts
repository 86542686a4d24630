/** What a CLI command reads and writes; tests pass their own to run commands in-process. */
export interface CliIo {
  readStdin(): Promise<Buffer>;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes shared by every command: 0 ok, 1 the input was judged bad (an error answer, a failed check), 2 usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A command-line mistake, exit 2: printed with the usage text, unless it is about a file's content. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export type Command = (args: string[], io: CliIo) => Promise<number>;
