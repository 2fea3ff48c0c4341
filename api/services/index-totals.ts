// The index totals live in index-scores.ts with the other score rules; this module only re-exports the
// two helpers older callers import from here.
export { percentOf, topLevelTotal, type NodePoints } from './index-scores.ts';
