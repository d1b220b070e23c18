import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is in `<root>/eval/`). */
export const REPO_ROOT: string = fileURLToPath(new URL('../', import.meta.url))

/** The fixtures folder: `<root>/fixtures/statuses/`. */
export const FIXTURES_DIR: string = fileURLToPath(new URL('../fixtures/statuses/', import.meta.url))

/**
 * The shared corpus folder, `<root>/../shared/corpus/`, read at evaluation time and never copied
 * into the repository (its licenses are mixed).
 *
 * @param sharedDir - the `shared` folder, when not `<root>/../shared/`
 * @returns the corpus folder, or `undefined` when it is absent
 */
export function findCorpus(sharedDir: string = fileURLToPath(new URL('../../shared/', import.meta.url))): string | undefined {
  const corpus = `${sharedDir.replace(/\/?$/u, '/')}corpus/`
  return existsSync(`${corpus}ham/mastodon-statuses.jsonl`) || existsSync(`${corpus}spam/spam-contents.jsonl`) ? corpus : undefined
}
