/** JSON Schema validators for the machine-readable outputs, from the schemas shipped in test/schemas. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { repoRoot } from '../cli/harness.js';

// ajv-formats is CommonJS with a default export; under NodeNext its default import is the module.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

async function compile(file: string): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(join(repoRoot, 'test', 'schemas', file), 'utf8')) as Record<string, unknown>;
  return addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
}

/** The official SARIF 2.1.0 schema. */
export const sarifValidator = (): Promise<ValidateFunction> => compile('sarif-schema-2.1.0.json');

/** GitLab's Code Quality report format (written from GitLab's documentation). */
export const gitlabValidator = (): Promise<ValidateFunction> => compile('gitlab-code-quality.schema.json');
