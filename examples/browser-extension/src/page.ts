/**
 * What the content script reads from and writes to Mastodon's web UI. The markup followed is that
 * of Mastodon 4.2–4.4's web UI (app/javascript/mastodon/components/status.jsx): each status on
 * screen is an `article[data-id]` holding `.status[data-id]`, whose id is the status's id on this
 * server (what GET /api/v1/statuses/:id takes); the signed-in session's API token is in the page's
 * `<script id="initial-state" type="application/json">` (`meta.access_token`, `meta.me`).
 * Mastodon folds statuses hit by the user's own filters as
 * `div.status__wrapper--filtered` with "Filtered: …" and a "Show anyway" button: the fold here
 * uses the same classes, so it looks like Mastodon's own.
 */
import type { Verdict } from 'mastodon-spam-filter'
import type { Mode } from './settings.js'

/** The page's session: the API token and the signed-in account, when the page has them. */
export interface PageSession {
  readonly token: string | undefined
  readonly acct: string | undefined
}

/** Reads the session from Mastodon's initial state; a page without one gives no token. */
export function readSession(doc: Document, host: string): PageSession {
  try {
    const state = JSON.parse(doc.getElementById('initial-state')?.textContent ?? '{}') as {
      meta?: { access_token?: unknown; me?: unknown }
      accounts?: Record<string, { acct?: unknown }>
    }
    const token = typeof state.meta?.access_token === 'string' ? state.meta.access_token : undefined
    const me = typeof state.meta?.me === 'string' ? state.accounts?.[state.meta.me]?.acct : undefined
    const acct = typeof me === 'string' ? (me.includes('@') ? me : `${me}@${host}`) : undefined
    return { token, acct }
  } catch {
    return { token: undefined, acct: undefined }
  }
}

/** Statuses on screen not yet looked at, with their ids. */
export function newStatuses(root: ParentNode): { element: HTMLElement; id: string }[] {
  const found: { element: HTMLElement; id: string }[] = []
  for (const element of root.querySelectorAll<HTMLElement>('.status[data-id]:not([data-msf])')) {
    const id = element.dataset['id'] ?? ''
    if (/^\d{1,30}$/u.test(id)) found.push({ element, id })
  }
  return found
}

/** The fold's words, in the UI's language. */
export interface FoldText {
  readonly filtered: string
  readonly showAnyway: string
  readonly why: string
}

export const FOLD_TEXT: Record<'en' | 'ja', FoldText> = {
  en: { filtered: 'Filtered: potential spam', showAnyway: 'Show anyway', why: 'Why' },
  ja: { filtered: 'フィルター済み: スパムの可能性', showAnyway: '表示する', why: '理由' },
}

/**
 * Shows a verdict on a status: folds (or blurs) a flagged one behind Mastodon's filtered-status
 * markup with the reasons, and a "Show anyway" button that unfolds it for good.
 *
 * @param element - the `.status` element
 * @param verdict - the status's verdict
 * @param mode - fold, blur or log
 * @param text - the fold's words
 * @param onShow - called when the reader chooses "Show anyway"
 */
export function applyVerdict(element: HTMLElement, verdict: Verdict, mode: Mode, text: FoldText, onShow: () => void): void {
  element.dataset['msf'] = verdict.label
  if (verdict.label === 'clean' || mode === 'log') return
  const fold = element.ownerDocument.createElement('div')
  fold.className = 'status__wrapper status__wrapper--filtered msf-fold'
  fold.setAttribute('role', 'note')
  fold.append(`${text.filtered}. `)
  const button = element.ownerDocument.createElement('button')
  button.type = 'button'
  button.className = 'status__wrapper--filtered__button msf-show'
  button.textContent = text.showAnyway
  fold.append(button)
  const reasons = element.ownerDocument.createElement('ul')
  reasons.className = 'msf-reasons'
  reasons.setAttribute('aria-label', text.why)
  for (const reason of verdict.reasons) {
    if (reason.score <= 0) continue
    const item = element.ownerDocument.createElement('li')
    item.textContent = reason.message
    item.title = `${reason.signal} +${Number(reason.score.toFixed(2))}`
    reasons.append(item)
  }
  fold.append(reasons)
  element.classList.add(mode === 'blur' ? 'msf-blurred' : 'msf-folded')
  element.before(fold)
  button.addEventListener('click', (event) => {
    event.stopPropagation()
    fold.remove()
    element.classList.remove('msf-folded', 'msf-blurred')
    element.dataset['msfShown'] = 'true'
    onShow()
  })
}
