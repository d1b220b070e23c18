import { readFileSync } from 'node:fs'
;(globalThis as { __blocks?: number[] }).__blocks = []
const lib = await import('../../src/index.js')
const status = JSON.parse(readFileSync('/work/w-cold2/fixtures/statuses/spam/2024-02-arashi-link-01.json', 'utf8'))
console.log('after import', (globalThis as any).__blocks.map((b: number) => b.toString(16)))
if (process.argv[2] === 'push') await lib.classifyPush({ access_token: 'token', preferred_locale: 'en', notification_id: '48213077', notification_type: 'mention', icon: 'https://home.example/avatars/original/missing.png', title: '9n1ggx00n7 mentioned you', body: 'https://荒らし.com/\n\n@user33 @user34 @user35\n@user36' })
else lib.classifyStatus(status)
console.log('after verdict', (globalThis as any).__blocks.map((b: number) => b.toString(16)))
