import type { BuildOptions } from 'esbuild';

/** The Word converter's packages: the CLI imports them only when it reads a .docx, from node_modules. */
export declare const DOCX_PACKAGES: string[];
/** The esbuild options of the CLI bundle (dist/cli.js), for the repository at `root`. */
export declare function cliBundleOptions(root: string): BuildOptions & { outfile: string };
