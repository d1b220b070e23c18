/**
 * The playground: paste a status (Mastodon, masto.js, Misskey or ActivityPub JSON) or pick an
 * example, and see the verdict, its reasons and the evidence highlighted in the text. Runs the
 * library in the page; nothing leaves the browser.
 */
import { detectFormat, toStatus } from '../src/cli/to-status.js'
import { classifyStatus, type Verdict } from '../src/index.js'
import { readStatus, unwrapStatus } from '../src/internals.js'
import { EXAMPLES } from './examples.js'
import { highlight } from './highlight.js'

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`#${id} is missing from index.html`)
  return element as T
}

const picker = $<HTMLSelectElement>('example')
const input = $<HTMLTextAreaElement>('input')
const host = $<HTMLInputElement>('host')
const error = $('error')
const result = $('result')

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (className !== '') node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function render(verdict: Verdict, text: string, author: string, format: string): void {
  const label = $('verdict-label')
  label.textContent = verdict.label
  label.className = `badge ${verdict.label}`
  $('verdict-score').textContent = `score ${verdict.score.toFixed(2)}`
  $('verdict-format').textContent = `read as ${format}`
  $('author').textContent = author === '' ? 'author unknown' : `by @${author}`

  const evidence = verdict.reasons.flatMap((r) => r.evidence)
  const body = $('text')
  body.replaceChildren(...highlight(text === '' ? '(no text)' : text, evidence).map((s) => (s.marked ? element('mark', '', s.text) : document.createTextNode(s.text))))

  const reasons = $('reasons')
  reasons.replaceChildren(
    ...verdict.reasons.map((reason) => {
      const item = element('li', 'reason')
      item.append(element('code', 'signal', reason.signal), element('span', 'points', `${reason.score >= 0 ? '+' : ''}${reason.score.toFixed(2)}`), element('span', 'message', reason.message))
      if (reason.evidence.length > 0) item.append(element('span', 'evidence', reason.evidence.join(', ')))
      return item
    }),
  )
  if (verdict.reasons.length === 0) reasons.append(element('li', 'reason none', 'No signal fired.'))
  for (const skipped of verdict.skipped) reasons.append(element('li', 'reason skipped', `${skipped.signal} skipped: ${skipped.detail ?? skipped.because}`))
  result.hidden = false
}

function classify(): void {
  error.textContent = ''
  let json: unknown
  try {
    json = JSON.parse(input.value)
  } catch (e) {
    error.textContent = `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`
    result.hidden = true
    return
  }
  const serverHost = host.value.trim() === '' ? undefined : host.value.trim()
  const status = toStatus(json, 'auto', serverHost)
  const verdict = classifyStatus(status)
  const inner = unwrapStatus(status)
  const read = inner === undefined ? undefined : readStatus(inner, serverHost)
  render(verdict, read?.text ?? '', read?.author.acct ?? '', detectFormat(json))
}

function pick(id: string): void {
  const example = EXAMPLES.find((e) => e.id === id) ?? EXAMPLES[0]
  if (example === undefined) return
  picker.value = example.id
  host.value = example.host ?? ''
  input.value = JSON.stringify(example.json, null, 2)
  classify()
}

for (const example of EXAMPLES) {
  const option = element('option', '', example.title) as HTMLOptionElement
  option.value = example.id
  picker.append(option)
}
picker.addEventListener('change', () => pick(picker.value))
$('classify').addEventListener('click', classify)
input.addEventListener('input', classify)
host.addEventListener('change', classify)
pick(new URLSearchParams(location.search).get('example') ?? EXAMPLES[0]?.id ?? '')
document.body.dataset['ready'] = 'true'
