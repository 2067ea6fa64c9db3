// The library: `import { createInspector, diffSnapshots, buildTree } from 'procview'`.
export type * from './inspect/types.js';
export { createInspector } from './inspect/inspector.js';
export { readStartTime } from './inspect/identity.js';
export { diffSnapshots } from './inspect/diff.js';
export { buildTree, findSubtree, subtreePids, type ProcOrder } from './inspect/tree.js';
export { formatPsTable, type PsFormat } from './inspect/format/ps-table.js';
export { formatTree, type TreeTextOptions } from './inspect/format/tree-text.js';
export { PROC_FIELDS, procToJson, treeToJson, type ProcJson, type TreeJson } from './inspect/format/json.js';
export { sanitizeForDisplay } from './text/sanitize.js';
