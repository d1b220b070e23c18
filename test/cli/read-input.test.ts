import { describe, expect, test } from 'vitest'
import { InputError, readInput } from '../../src/cli/read-input.js'

describe('readInput', () => {
  describe('reads', () => {
    // columns: what, input text, expected [at, id] pairs
    test.each([
      ['a JSON array', '[{"id":"a"},{"id":"b"}]', [[1, 'a'], [2, 'b']]],
      ['a pretty-printed object', '{\n  "id": "a"\n}\n', [[1, 'a']]],
      ['JSON lines, skipping blank lines', '{"id":"a"}\n\n{"id":"b"}\r\n', [[1, 'a'], [3, 'b']]],
      ['a byte order mark', '\uFEFF[{"id":"a"}]', [[1, 'a']]],
    ])('%s', (_what, text, expected) => {
      expect(readInput(text, 'in.json').map((item) => [item.at, (item.value as { id: string }).id])).toEqual(expected)
    })
  })

  describe('names the line', () => {
    // columns: what, input text, message start
    test.each([
      ['of a broken JSON line', '{"id":"a"}\n{"id":"b"}\n{"id":\n', 'in.jsonl:3: not valid JSON'],
      ['of a syntax error in a pretty-printed document', '[\n  {"id": "a"},\n  {"id": "b",}\n]', 'in.jsonl:3: not valid JSON'],
      ['of empty input', '  \n', 'in.jsonl:1: empty input'],
      ['of a document cut short, on its last line', '{\n  "id": "a",\n\n', 'in.jsonl:2: not valid JSON'],
    ])('%s', (_what, text, message) => {
      expect(() => readInput(text, 'in.jsonl')).toThrow(InputError)
      expect(() => readInput(text, 'in.jsonl')).toThrow(message)
    })
  })
})
