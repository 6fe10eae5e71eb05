/**
 * schemas/povlint.schema.json, generated from the one type `PovlintConfig`
 * (src/core/config/types.ts), doc comments included, so the schema cannot drift from the code.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

interface Artefact {
  path: string;
  content: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SCHEMA_PATH = 'schemas/povlint.schema.json';

type Schema = Record<string, unknown> & { definitions?: Record<string, Record<string, unknown>> };

export async function generate(): Promise<Artefact[]> {
  const generator = createGenerator({
    path: join(root, 'src', 'core', 'config', 'types.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'PovlintConfig',
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const generated = generator.createSchema('PovlintConfig') as Schema;
  const { $schema, ...body } = generated;
  // The file-level comment of src/core/types.ts sits on its first declaration (`Severity`);
  // it describes the file, not the type.
  const severity = body.definitions?.Severity;
  if (severity) severity.description = 'Severity of a finding.';
  const schema = {
    $schema,
    title: 'povlint configuration (.povlint.jsonc)',
    ...body,
  };
  return [{ path: SCHEMA_PATH, content: `${JSON.stringify(schema, null, 2)}\n` }];
}
