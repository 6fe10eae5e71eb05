import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.md` file under `dir` (none when it does not exist). */
export function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? markdownFiles(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : [],
  );
}
