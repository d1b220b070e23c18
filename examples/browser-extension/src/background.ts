/** The service worker: keeps the content script registered on the hosts the user chose. */
import { loadSettings, syncContentScripts } from './settings.js'

const sync = (): void => {
  void loadSettings().then((settings) => syncContentScripts(settings.hosts))
}
chrome.runtime.onInstalled.addListener(sync)
chrome.runtime.onStartup.addListener(sync)
