import { describe, expect, test } from 'vitest'
import { readStatuses, type InputEvent, type ReadLimits } from '../../src/cli/read-input.js'

async function read(chunks: readonly (string | Uint8Array)[], limits?: ReadLimits): Promise<string[]> {
  const events: InputEvent[] = []
  for await (const event of readStatuses((async function* () { yield* chunks })(), limits)) events.push(event)
  return events.map((e) => (e.kind === 'item' ? `${e.line}:${JSON.stringify(e.value)}` : `${e.line}! ${e.message}`))
}

/** Every way of cutting a text into two chunks: the reader must not care where chunks end. */
function everySplit(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text)
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.slice(0, i), bytes.slice(i)])
}

describe('readStatuses', () => {
  // columns: what, input text, expected events (line:value or line! message)
  test.each([
    ['JSON lines, skipping blank lines', '{"id":"a"}\n\n{"id":"b"}\r\n', ['1:{"id":"a"}', '3:{"id":"b"}']],
    ['a JSON array, element by element, brackets in strings kept', '[{"id":"a, ]"},\n {"id":"b"}, 3]', ['1:{"id":"a, ]"}', '2:{"id":"b"}', '2:3']],
    ['a pretty-printed object', '{\n  "id": "a"\n}\n', ['1:{"id":"a"}']],
    ['pretty-printed objects one after another', '{\n "id": "a"\n}\n{\n "id": "b"\n}', ['1:{"id":"a"}', '4:{"id":"b"}']],
    ['a byte order mark', '\uFEFF[{"id":"a"}]', ['1:{"id":"a"}']],
    ['an escaped quote before a bracket in a string', '{"a":"\\"]}"}\n{"b":1}', ['1:{"a":"\\"]}"}', '2:{"b":1}']],
  ])('reads %s', async (_what, text, expected) => {
    expect(await read([text])).toEqual(expected)
    // The same events whatever the chunk boundaries (inside a UTF-8 sequence too).
    for (const chunks of everySplit(text)) expect(await read(chunks)).toEqual(expected)
  })

  // columns: what, input text, expected events
  test.each([
    ['a broken line is reported and the next read', '{"id":"a"}\n{"id": oops}\n{"id":"c"}', ['1:{"id":"a"}', '2! not valid JSON', '3:{"id":"c"}']],
    ['a broken array element', '[{"id":"a"}, {oops}, {"id":"c"}]', ['1:{"id":"a"}', '1! not valid JSON', '1:{"id":"c"}']],
    ['empty input', '  \n', ['1! empty input']],
    ['an array cut short', '[{"id":"a"},\n{"id":', ['1:{"id":"a"}', '2! the input ends inside this array element']],
    ['an unclosed array', '[{"id":"a"},', ['1:{"id":"a"}', '1! the input ends before the JSON array is closed']],
    ['text after an array', '[{"id":"a"}]\nmore', ['1:{"id":"a"}', '2! text after the end of the JSON array']],
    ['a document cut short', '{\n  "id": "a",\n\n', ['1! the input ends inside this value']],
  ])('%s', async (_what, text, expected) => {
    const got = await read([text])
    expect(got).toHaveLength(expected.length)
    got.forEach((event, i) => expect(event.startsWith(expected[i]!)).toBe(true))
  })

  test('skips a line longer than the limit without keeping it, then reads on', async () => {
    const limits = { maxItemBytes: 100, maxDepth: 50 }
    const long = `{"id":"${'x'.repeat(1_000)}"}`
    const chunks = [long.slice(0, 300), long.slice(300), '\n{"id":"ok"}\n']
    expect(await read(chunks, limits)).toEqual(['1! longer than 100 bytes (1009 bytes), skipped unread', '2:{"id":"ok"}'])
    expect(await read([`[${long}, {"id":"ok"}]`], limits)).toEqual(['1! longer than 100 bytes (1009 bytes), skipped unread', '1:{"id":"ok"}'])
  })

  test('skips a line nested deeper than the limit without parsing it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(await read([`{"id":"a"}\n${deep}\n{"id":"c"}\n`])).toEqual(['1:{"id":"a"}', '2! nested deeper than 200 levels, skipped unparsed', '3:{"id":"c"}'])
    const notification = `${'{"type":"mention","status":'.repeat(300)}{}${'}'.repeat(300)}`
    expect((await read([notification]))[0]).toMatch(/^1! nested deeper than 200 levels/u)
  })

  // Reading string bodies must stay linear: a scan for the next backslash after every quote would
  // read the rest of the item each time (an hour for this line); linear, it takes milliseconds.
  test('reads an item of a million short strings in linear time, as a line and as array elements', async () => {
    const strings = `[${'"a",'.repeat(1_000_000)}"a"]`
    expect(await read([`{"a":${strings}}\n`], { maxItemBytes: 16 * 1024 * 1024, maxDepth: 10 })).toHaveLength(1)
    const events = await read([strings], { maxItemBytes: 16 * 1024 * 1024, maxDepth: 10 })
    expect(events).toHaveLength(1_000_001)
  })
})


test('a pretty-printed document past the limit says how to stream it instead', async () => {
  const document = `{\n  "orderedItems": [${'{"type":"Create"},'.repeat(20)}{}]\n}\n`
  const events: InputEvent[] = []
  for await (const event of readStatuses((async function* () { yield document })(), { maxItemBytes: 100, maxDepth: 10 })) events.push(event)
  expect(events).toHaveLength(1)
  expect(events[0]?.kind === 'error' ? events[0].message : '').toMatch(/^longer than 100 bytes .*jq -c '\.orderedItems\[\]'/u)
})
