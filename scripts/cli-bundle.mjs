/**
 * The esbuild options of the CLI bundle (dist/cli.js), shared by `npm run build` and the CLI tests
 * (test/cli/harness.ts), so the spawned binary the tests run is the one users get.
 */
import { join } from 'node:path';

/** The Word converter's packages: the CLI imports them only when it reads a .docx, from node_modules. */
export const DOCX_PACKAGES = ['mammoth', 'turndown', '@joplin/turndown-plugin-gfm', 'cfb', 'fflate'];

/** @param {string} root the repository root */
export function cliBundleOptions(root) {
  return {
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: join(root, 'dist', 'cli.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled, the parser and its dependencies load as one module: Node resolving and loading
    // about 150 modules of node_modules one by one took a third of a one-file run.
    external: DOCX_PACKAGES,
    // ESM builds where a package has one (jsonc-parser's main build is UMD, which requires its own
    // files at run time).
    mainFields: ['module', 'main'],
    // CommonJS dependencies require Node's built-in modules.
    banner: { js: "import { createRequire as __povlintRequire } from 'node:module'; const require = __povlintRequire(import.meta.url);" },
    // Clause files are Markdown, inlined as text.
    loader: { '.md': 'text' },
  };
}
