/**
 * The few extension APIs this example uses, typed here so the example needs no @types/chrome.
 * See developer.chrome.com/docs/extensions/reference/api.
 */
interface ChromeStorageArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
}

interface ChromeRegisteredContentScript {
  id: string
  matches?: string[]
  js?: string[]
  css?: string[]
  runAt?: 'document_start' | 'document_end' | 'document_idle'
  persistAcrossSessions?: boolean
}

declare const chrome: {
  readonly storage: {
    readonly sync: ChromeStorageArea
    readonly onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void }
  }
  readonly permissions: {
    request(permissions: { origins: string[] }): Promise<boolean>
    contains(permissions: { origins: string[] }): Promise<boolean>
    remove(permissions: { origins: string[] }): Promise<boolean>
  }
  readonly scripting: {
    registerContentScripts(scripts: ChromeRegisteredContentScript[]): Promise<void>
    unregisterContentScripts(filter?: { ids: string[] }): Promise<void>
    getRegisteredContentScripts(filter?: { ids: string[] }): Promise<ChromeRegisteredContentScript[]>
  }
  readonly runtime: {
    readonly onInstalled: { addListener(listener: () => void): void }
    readonly onStartup: { addListener(listener: () => void): void }
  }
}
