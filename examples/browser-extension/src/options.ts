/** The options page (also the toolbar popup): servers, mode, allow lists, language. */
import { loadSettings, originPattern, syncContentScripts, type Settings } from './settings.js'

const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!
const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '')
let settings: Settings

function say(text: string, error = false): void {
  $('#status').textContent = text
  $('#status').classList.toggle('error', error)
}

async function save(changes: Partial<Settings>): Promise<void> {
  settings = { ...settings, ...changes }
  await chrome.storage.sync.set(changes as Record<string, unknown>)
  if (changes.hosts !== undefined) {
    const active = await syncContentScripts(settings.hosts)
    say(active.length === 0 ? 'Saved. Not active on any server yet.' : `Saved. Active on ${active.join(', ')}.`)
  } else say('Saved.')
}

function renderHosts(): void {
  const list = $('#hosts')
  list.replaceChildren()
  for (const host of settings.hosts) {
    const item = document.createElement('li')
    item.textContent = `${host} `
    const remove = document.createElement('button')
    remove.type = 'button'
    remove.textContent = 'Remove'
    remove.addEventListener('click', () => {
      void chrome.permissions.remove({ origins: [originPattern(host)] }).catch(() => false)
      void save({ hosts: settings.hosts.filter((h) => h !== host) }).then(renderHosts)
    })
    item.append(remove)
    list.append(item)
  }
}

$('#add-host').addEventListener('submit', (event) => {
  event.preventDefault()
  const input = $<HTMLInputElement>('#host')
  const host = input.value.trim().toLowerCase().replace(/^https?:\/\//u, '').replace(/\/.*$/u, '')
  if (!/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$/u.test(host)) {
    say(`"${input.value}" is not a server name like mastodon.social.`, true)
    return
  }
  // Ask for the permission first, within the click: Chrome shows its prompt only then.
  void chrome.permissions.request({ origins: [originPattern(host)] }).then(async (granted) => {
    if (!granted) {
      say(`Not allowed to run on ${host}.`, true)
      return
    }
    input.value = ''
    await save({ hosts: [...new Set([...settings.hosts, host])] })
    renderHosts()
  })
})

void loadSettings().then((loaded) => {
  settings = loaded
  renderHosts()
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=mode]')) {
    radio.checked = radio.value === settings.mode
    radio.addEventListener('change', () => void save({ mode: radio.value as Settings['mode'] }))
  }
  const accounts = $<HTMLTextAreaElement>('#allow-accounts')
  accounts.value = settings.allowAccounts.join('\n')
  accounts.addEventListener('change', () => void save({ allowAccounts: lines(accounts.value) }))
  const domains = $<HTMLTextAreaElement>('#allow-domains')
  domains.value = settings.allowDomains.join('\n')
  domains.addEventListener('change', () => void save({ allowDomains: lines(domains.value) }))
  const locale = $<HTMLSelectElement>('#locale')
  locale.value = settings.locale
  locale.addEventListener('change', () => void save({ locale: locale.value as Settings['locale'] }))
  document.body.dataset['ready'] = 'true'
})
