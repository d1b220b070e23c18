import { SKELETON_BLOCKS, SKELETON_TABLE } from '../../src/data/skeleton-table.js'
const blocks = SKELETON_BLOCKS.split(';')
blocks.forEach((e, b) => { if (!e) return; const off = parseInt(e.split(',')[0]!, 36); if (off > 0 && SKELETON_TABLE[off - 1] !== ';') console.log('bad', b.toString(16), off) })
