/**
 * The content script, on the Mastodon servers the user chose. It finds the statuses on screen,
 * fetches each one's Status JSON from the same server's API with the page's own session, classifies
 * it with one filter for the whole tab (so repeated near-identical posts are remembered), and
 * folds the flagged ones. Nothing leaves the browser but the API calls the page could make itself.
 */
import { createSpamFilter, type SpamFilter, type SpamFilterOptions, type Verdict } from 'mastodon-spam-filter'
import { applyVerdict, FOLD_TEXT, newStatuses, readSession } from './page.js'
import { loadSettings, parseSettings, type Settings } from './settings.js'

/** API requests at once: a timeline shows a screenful; the server's rate limit is 300 per 5 minutes. */
const CONCURRENCY = 3

let settings: Settings
let filter: SpamFilter
const session = readSession(document, location.host)
/** Verdicts by status id: Mastodon re-renders statuses as you scroll; each is classified once. */
const verdicts = new Map<string, Verdict | Promise<Verdict | undefined>>()
const shown = new Set<string>()
const queue: { element: HTMLElement; id: string }[] = []
let running = 0

function uiLocale(): 'en' | 'ja' {
  const chosen = settings.locale === 'auto' ? document.documentElement.lang : settings.locale
  return chosen.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

/** Options of a filter with its own in-memory store (no `memory` option): classify answers at once. */
type LocalOptions = Omit<SpamFilterOptions, 'memory'>

function makeFilter(): SpamFilter {
  const viewer: LocalOptions = session.acct === undefined ? {} : { viewer: { acct: session.acct } }
  const options = {
    ...viewer,
    allow: { accounts: [...settings.allowAccounts], domains: [...settings.allowDomains] },
    // Reasons in the UI's language, where the library has that locale.
    locale: uiLocale(),
  }
  try {
    return createSpamFilter(options as LocalOptions)
  } catch {
    // An allow list entry the library refuses (or a locale it lacks): the defaults.
    return createSpamFilter(viewer)
  }
}

async function fetchVerdict(id: string): Promise<Verdict | undefined> {
  const response = await fetch(new URL(`/api/v1/statuses/${id}`, location.origin), {
    headers: session.token === undefined ? {} : { authorization: `Bearer ${session.token}` },
    credentials: 'same-origin',
  })
  if (!response.ok) return undefined
  return filter.classify(await response.json())
}

function show(element: HTMLElement, id: string, verdict: Verdict): void {
  if (!element.isConnected) return
  if (shown.has(id)) {
    element.dataset['msf'] = verdict.label
    element.dataset['msfShown'] = 'true'
    return
  }
  if (settings.mode === 'log' && verdict.label !== 'clean') console.info('[mastodon-spam-filter]', id, verdict.label, verdict.score, verdict.reasons.map((r) => `${r.signal}: ${r.message}`))
  applyVerdict(element, verdict, settings.mode, FOLD_TEXT[uiLocale()], () => shown.add(id))
}

function pump(): void {
  while (running < CONCURRENCY && queue.length > 0) {
    const { element, id } = queue.shift()!
    let pending = verdicts.get(id)
    if (pending === undefined) {
      pending = fetchVerdict(id).catch(() => undefined)
      verdicts.set(id, pending)
    }
    running++
    void Promise.resolve(pending).then((verdict) => {
      running--
      if (verdict === undefined) {
        element.dataset['msf'] = 'unavailable'
        verdicts.delete(id)
      } else {
        verdicts.set(id, verdict)
        show(element, id, verdict)
      }
      pump()
    })
  }
}

function scan(): void {
  for (const found of newStatuses(document)) {
    found.element.dataset['msf'] = 'pending'
    queue.push(found)
  }
  pump()
}

let scheduled = false
const observer = new MutationObserver(() => {
  if (scheduled) return
  scheduled = true
  setTimeout(() => {
    scheduled = false
    scan()
  }, 50)
})

void loadSettings().then((loaded) => {
  settings = loaded
  filter = makeFilter()
  document.documentElement.dataset['msfReady'] = 'true'
  scan()
  observer.observe(document.body, { childList: true, subtree: true })
})

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync') return
  const next: Record<string, unknown> = { ...settings }
  for (const [key, change] of Object.entries(changes)) next[key] = change.newValue
  settings = parseSettings(next)
  filter = makeFilter()
})
