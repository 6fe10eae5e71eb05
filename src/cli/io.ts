/** The CLI's window on the world, so `run(argv, io)` runs in-process in tests and for real in the binary. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-`). */
  readStdin: () => Promise<string>;
  cwd: string;
  /** Whether stdout is a terminal (colour only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}
