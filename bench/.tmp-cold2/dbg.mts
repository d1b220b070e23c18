import { SKELETON_BLOCKS, SKELETON_TABLE } from '../../src/data/skeleton-table.js'
import { skeletonOfCodePoint } from '../../src/text/transformers/skeleton-chars.js'
const blocks = SKELETON_BLOCKS.split(';')
console.log(blocks.length, blocks[0x1d], blocks[0x18], 'table len', SKELETON_TABLE.length)
const e = blocks[0x1d]!; const off = parseInt(e.split(',')[0]!, 36); console.log(JSON.stringify(SKELETON_TABLE.slice(off - 20, off + 40)), parseInt(e.split(',')[1]!, 36).toString(16))
console.log(skeletonOfCodePoint(0x1d371), skeletonOfCodePoint(0x1d400))
