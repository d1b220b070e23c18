/**
 * The playground: paste a status (any input shape the library reads, or plain text) or pick an
 * example, and see the label on a scale with the thresholds, how each reason adds to the score,
 * and the evidence highlighted in the text; or paste several and run them through one filter, so
 * near-duplicates show. Settings: thresholds, the viewer and whom they follow, a rules document,
 * the language of reasons. Runs the library in the page; nothing leaves the browser.
 */
import { createSpamFilter, type SpamFilterOptions, type Verdict } from '../src/index.js'
import { RECOMMENDED_THRESHOLDS } from '../src/presets/recommended.js'
import { readStatus, unwrapStatus } from '../src/status/read-status.js'
import { EXAMPLES, SEVERAL_EXAMPLE } from './examples.js'
import { highlight } from './highlight.js'
import { parseOne, parseSeveral, type PlaygroundItem } from './input.js'

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`#${id} is missing from index.html`)
  return element as T
}

const picker = $<HTMLSelectElement>('example')
const input = $<HTMLTextAreaElement>('input')
const many = $<HTMLTextAreaElement>('many')
const host = $<HTMLInputElement>('host')
const error = $('error')
const settingsError = $('settings-error')
const suspiciousInput = $<HTMLInputElement>('threshold-suspicious')
const spamInput = $<HTMLInputElement>('threshold-spam')
suspiciousInput.value = String(RECOMMENDED_THRESHOLDS.suspicious)
spamInput.value = String(RECOMMENDED_THRESHOLDS.spam)

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (className !== '') node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`
const lines = (text: string): string[] => text.split(/[\n,]/u).map((l) => l.trim()).filter((l) => l !== '')

/** The filter options from the settings; a bad setting gives a message naming it. */
/** Options of a filter with its own in-memory store (no `memory` option): classify answers at once. */
type LocalOptions = Omit<SpamFilterOptions, 'memory'>

function readOptions(): { options: LocalOptions } | { error: string } {
  const options: { -readonly [K in keyof LocalOptions]: LocalOptions[K] } = {}
  const thresholds = { suspicious: Number(suspiciousInput.value), spam: Number(spamInput.value) }
  if (suspiciousInput.value.trim() === '' || spamInput.value.trim() === '') return { error: 'Both thresholds need a number.' }
  options.thresholds = thresholds
  const viewer = $<HTMLInputElement>('viewer').value.trim()
  const follows = lines($<HTMLTextAreaElement>('follows').value)
  if (viewer !== '' || follows.length > 0) options.viewer = { ...(viewer === '' ? {} : { acct: viewer }), ...(follows.length === 0 ? {} : { follows }) }
  const rules = $<HTMLTextAreaElement>('rules').value.trim()
  if (rules !== '') options.rules = rules
  const locale = $<HTMLSelectElement>('locale').value
  // English is the library's default; another language is passed as its `locale` option.
  const withLocale = locale === 'en' ? options : ({ ...options, locale } as LocalOptions)
  try {
    createSpamFilter(withLocale)
  } catch (caught) {
    return { error: caught instanceof Error ? caught.message : String(caught) }
  }
  return { options: withLocale }
}

/** The thresholds as the filter uses them. */
function thresholds(options: LocalOptions): { suspicious: number; spam: number } {
  return { ...RECOMMENDED_THRESHOLDS, ...options.thresholds }
}

/** The label's scale: the zones between thresholds, each reason's part, and the score. */
function renderScale(verdict: Verdict, limits: { suspicious: number; spam: number }): void {
  const positive = verdict.reasons.filter((r) => r.score > 0)
  const negative = verdict.reasons.filter((r) => r.score < 0)
  const sum = positive.reduce((total, r) => total + r.score, 0)
  const max = Math.max(limits.spam * 1.5, sum * 1.05, verdict.score * 1.05, 1)
  const pct = (n: number): string => `${Math.max(0, Math.min(100, (n / max) * 100)).toFixed(3)}%`
  const scale = $('scale')
  const zones = element('div', 'zones')
  for (const [label, from, to] of [['clean', 0, limits.suspicious], ['suspicious', limits.suspicious, limits.spam], ['spam', limits.spam, max]] as const) {
    const zone = element('div', `zone ${label}`)
    zone.style.width = pct(Math.max(0, Math.min(to, max) - from))
    zones.append(zone)
  }
  const stack = element('div', 'stack')
  let at = 0
  for (const reason of positive) {
    const seg = element('div', 'seg')
    seg.style.left = pct(at)
    seg.style.width = pct(reason.score)
    seg.title = `${reason.signal} ${signed(reason.score)}`
    stack.append(seg)
    at += reason.score
  }
  for (const reason of negative) {
    const seg = element('div', 'seg negative')
    at += reason.score
    seg.style.left = pct(at)
    seg.style.width = pct(-reason.score)
    seg.title = `${reason.signal} ${signed(reason.score)}`
    stack.append(seg)
  }
  const pointer = element('div', 'pointer')
  pointer.style.left = `calc(${pct(verdict.score)} - 1px)`
  const ticks = [element('span', 'tick start', '0'), element('span', 'tick', `suspicious ${limits.suspicious}`), element('span', 'tick', `spam ${limits.spam}`)]
  ticks[1]!.style.left = pct(limits.suspicious)
  ticks[2]!.style.left = pct(limits.spam)
  scale.replaceChildren(zones, stack, pointer, ...ticks)
  scale.setAttribute('aria-label', `score ${verdict.score.toFixed(2)}; suspicious from ${limits.suspicious}, spam from ${limits.spam}`)
}

function renderOne(item: PlaygroundItem, verdict: Verdict, limits: { suspicious: number; spam: number }, serverHost: string | undefined): void {
  const inner = unwrapStatus(item.status)
  const read = inner === undefined ? undefined : readStatus(inner, serverHost)
  const label = $('verdict-label')
  label.textContent = verdict.label
  label.className = `badge ${verdict.label}`
  $('verdict-score').textContent = `score ${verdict.score.toFixed(2)}`
  renderScale(verdict, limits)
  $('verdict-format').textContent = `read as ${item.seen}`
  const author = read?.author.acct ?? ''
  $('author').textContent = author === '' ? 'author unknown' : `by @${author}`

  const evidence = verdict.reasons.flatMap((r) => r.evidence)
  const text = read?.text ?? ''
  $('text').replaceChildren(...highlight(text === '' ? '(no text)' : text, evidence).map((s) => (s.marked ? element('mark', '', s.text) : document.createTextNode(s.text))))

  const reasons = $('reasons')
  let total = 0
  reasons.replaceChildren(
    ...verdict.reasons.map((reason) => {
      total += reason.score
      const item = element('li', 'reason')
      item.append(element('code', 'signal', reason.signal), element('span', 'points', signed(reason.score)), element('span', 'total', `= ${total.toFixed(2)}`), element('span', 'message', reason.message))
      if (reason.evidence.length > 0) item.append(element('span', 'evidence', reason.evidence.join(', ')))
      return item
    }),
  )
  const byScore = verdict.score >= limits.spam ? 'spam' : verdict.score >= limits.suspicious ? 'suspicious' : 'clean'
  if (verdict.reasons.length === 0) reasons.append(element('li', 'reason none', 'No signal fired: score 0.'))
  else if (verdict.label === 'spam' && byScore !== 'spam') {
    reasons.append(element('li', 'reason none', 'Spam whatever the score: a blatant hit (a campaign domain, known spam text or image, a blatant rule) decides the label.'))
  } else if (verdict.label === 'clean' && byScore !== 'clean') {
    reasons.append(element('li', 'reason none', 'Clean whatever the score: you follow the author, and nothing is blatant.'))
  } else if (Math.abs(total - verdict.score) > 0.005) reasons.append(element('li', 'reason none', `The verdict's score is ${verdict.score.toFixed(2)}: the sum of the reasons after the caps of their groups.`))
  for (const skipped of verdict.skipped) reasons.append(element('li', 'reason skipped', `${skipped.signal} skipped: ${skipped.detail ?? skipped.because}`))
  $('result').hidden = false
}

function renderSeveral(items: readonly PlaygroundItem[], verdicts: readonly Verdict[], serverHost: string | undefined): void {
  const counts = { spam: 0, suspicious: 0, clean: 0 }
  const list = $('several-list')
  list.replaceChildren(
    ...items.map((item, i) => {
      const verdict = verdicts[i]!
      counts[verdict.label]++
      const inner = unwrapStatus(item.status)
      const read = inner === undefined ? undefined : readStatus(inner, serverHost)
      const row = element('li', 'several-row')
      const head = element('div', 'row-head')
      head.append(element('span', `badge small ${verdict.label}`, verdict.label), element('span', 'score', `score ${verdict.score.toFixed(2)}`), element('span', 'seen', `@${read?.author.acct ?? '?'} · ${item.seen}`))
      const signals = element('div', 'signals')
      for (const [j, reason] of verdict.reasons.entries()) {
        if (j > 0) signals.append(', ')
        signals.append(element('span', reason.signal === 'near-duplicate' ? 'dup' : '', `${reason.signal} ${signed(reason.score)}`))
      }
      if (verdict.reasons.length === 0) signals.append('no signal fired')
      row.append(head, element('div', 'excerpt', (read?.text ?? '').slice(0, 140)), signals)
      return row
    }),
  )
  const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`
  $('several-summary').textContent = `${plural(items.length, 'status', 'statuses')} through one filter: ${counts.spam} spam, ${counts.suspicious} suspicious, ${counts.clean} clean`
  $('several-result').hidden = false
}

function mode(): 'one' | 'several' {
  return $<HTMLInputElement>('mode-several').checked ? 'several' : 'one'
}

function run(): void {
  error.textContent = ''
  settingsError.textContent = ''
  const several = mode() === 'several'
  $('one-input').hidden = several
  $('several-input').hidden = !several
  $('result').hidden = true
  $('several-result').hidden = true
  const settings = readOptions()
  if ('error' in settings) {
    settingsError.textContent = settings.error
    return
  }
  const serverHost = host.value.trim() === '' ? undefined : host.value.trim()
  const parsed = several ? parseSeveral(many.value, serverHost) : parseOne(input.value, serverHost)
  if ('error' in parsed) {
    error.textContent = parsed.error
    return
  }
  // One filter for the run: in "several", later copies of a text are near-duplicates of earlier ones.
  const filter = createSpamFilter(settings.options)
  const verdicts = parsed.items.map((item) => filter.classify(item.status))
  if (several) renderSeveral(parsed.items, verdicts, serverHost)
  else renderOne(parsed.items[0]!, verdicts[0]!, thresholds(settings.options), serverHost)
}

function pick(id: string): void {
  const example = EXAMPLES.find((e) => e.id === id)
  if (example === undefined) return
  picker.value = example.id
  host.value = example.host ?? ''
  input.value = typeof example.json === 'string' ? example.json : JSON.stringify(example.json, null, 2)
  run()
}

const own = element('option', '', '(your input)') as HTMLOptionElement
own.value = ''
picker.append(own)
for (const example of EXAMPLES) {
  const option = element('option', '', example.title) as HTMLOptionElement
  option.value = example.id
  picker.append(option)
}
picker.addEventListener('change', () => (picker.value === '' ? run() : pick(picker.value)))
// Typing or pasting makes it your input: the example's name no longer describes the text.
input.addEventListener('input', () => {
  picker.value = ''
  run()
})
many.addEventListener('input', run)
$('several-example').addEventListener('click', () => {
  many.value = SEVERAL_EXAMPLE
  run()
})
for (const id of ['mode-one', 'mode-several', 'locale']) $(id).addEventListener('change', run)
for (const id of ['threshold-suspicious', 'threshold-spam', 'viewer', 'follows', 'rules', 'host']) $(id).addEventListener('input', run)
// Settings open beside the result on a wide screen; on a phone they fold, so the verdict follows the input.
if (window.matchMedia('(min-width: 761px)').matches) $<HTMLDetailsElement>('settings').open = true
const query = new URLSearchParams(location.search)
if (query.get('mode') === 'several') {
  $<HTMLInputElement>('mode-several').checked = true
  many.value = SEVERAL_EXAMPLE
}
pick(query.get('example') ?? EXAMPLES[0]?.id ?? '')
document.body.dataset['ready'] = 'true'
