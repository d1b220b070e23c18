// @ts-check
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The folder table of ARCHITECTURE.md, enforced: what each folder of `src/` may import, as values
 * and as types only. Anything else in `src/` is forbidden to it (`@typescript-eslint/no-restricted-imports`
 * below). `history/` is a store: it may never import the pipeline, the signals or the statuses again.
 * Root modules are named by file (`signal.js`), folders by name.
 */
const BOUNDARIES = {
  status: { values: ['text'], types: ['verdict.js'] },
  text: { values: ['data'], types: ['status'] },
  links: { values: ['text', 'data', 'status'], types: ['signal.js'] },
  rules: { values: ['text', 'links', 'data', 'errors.js'], types: ['signal.js'] },
  signals: { values: ['status', 'text', 'links', 'rules', 'media', 'data', 'errors.js', 'messages'], types: ['signal.js', 'history', 'verdict.js'] },
  messages: { values: ['errors.js'], types: ['verdict.js'] },
  history: { values: ['text', 'media', 'errors.js'], types: [] },
  media: { values: [], types: [] },
  data: { values: [], types: [] },
  presets: { values: ['signals'], types: ['signal.js', 'verdict.js'] },
  ocr: { values: ['classify.js', 'options.js', 'quote.js', 'verdict.js', 'errors.js', 'status', 'links'], types: ['signal.js'] },
  push: { values: ['classify.js', 'options.js', 'verdict.js', 'errors.js', 'status'], types: ['filter.js'] },
  redis: { values: ['history', 'errors.js'], types: [] },
}
const SRC_ENTRIES = readdirSync(new URL('./src/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() || (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')))
  .map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/u, '.js')))
// `../x` from a folder's own files, `../../x` from its subfolders (text/transformers/).
const importPatterns = (names) => names.flatMap((name) => ['../', '../../'].flatMap((up) => (name.endsWith('.js') ? [`${up}${name}`] : [`${up}${name}`, `${up}${name}/**`])))
const boundaryConfigs = Object.entries(BOUNDARIES).map(([folder, { values, types }]) => {
  const forbidden = SRC_ENTRIES.filter((name) => name !== folder && !values.includes(name) && !types.includes(name))
  const patterns = [{ group: importPatterns(forbidden), message: `src/${folder}/ may import only ${[...values, ...types.map((t) => `${t} (types)`)].join(', ') || 'nothing else in src/'}: see the folder table of ARCHITECTURE.md.` }]
  if (types.length > 0) patterns.push({ group: importPatterns(types), allowTypeImports: true, message: `src/${folder}/ may import only types from ${types.join(', ')}: see ARCHITECTURE.md.` })
  return { files: [`src/${folder}/**/*.ts`], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } }
})

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'playground/dist/**', '**/*.min.js', '.eval-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      'no-irregular-whitespace': 'off',
    },
  },
  {
    // The shipped core: no console, no Node built-ins (the CLI and OCR entries have their own rules).
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'util', 'buffer', 'child_process', 'worker_threads'], message: 'The core runs anywhere JavaScript runs: no Node built-ins.' }] }],
    },
  },
  ...boundaryConfigs,
  {
    // The core (root modules) never imports the optional subpaths' code: the Redis store and the CLI.
    files: ['src/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['./redis', './redis/**', './cli', './cli/**'], message: 'The core never imports the Redis store or the CLI: they are subpath entries.' }] }] },
  },
)
