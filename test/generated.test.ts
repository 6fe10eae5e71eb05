import { expect, it } from 'vitest';
import { staleArtefacts } from '../scripts/generate.js';

it('generated artefacts are up to date (run `npm run generate`)', async () => {
  expect(await staleArtefacts()).toEqual([]);
}, 60_000);
