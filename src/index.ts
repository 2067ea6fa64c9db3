// The library: `import { createInspector, diffSnapshots, buildTree } from 'procview'`.
export type * from './inspect/types.js';
export { sanitizeForDisplay } from './text/sanitize.js';
