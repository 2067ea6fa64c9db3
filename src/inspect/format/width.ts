// Kept so existing importers (src/commands/args.ts, src/ui/model/text.ts) build;
// the one width table lives in src/text/width.ts.
export { displayWidth, truncateToWidth } from '../../text/width.js';
