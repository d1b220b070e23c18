/**
 * Builds the playground bundle (playground/dist/main.js) with esbuild: the library from src/, for
 * browsers, no Node built-ins.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

export const PLAYGROUND_DIR = fileURLToPath(new URL('./', import.meta.url))

/**
 * Bundles playground/main.ts.
 *
 * @param write - write playground/dist/main.js (true) or only return the code
 * @returns the bundled JavaScript
 */
export async function buildPlayground(write = true): Promise<string> {
  const result = await build({
    entryPoints: [`${PLAYGROUND_DIR}main.ts`],
    outfile: `${PLAYGROUND_DIR}dist/main.js`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: false,
    write,
    logLevel: 'silent',
  })
  return result.outputFiles?.[0]?.text ?? ''
}
