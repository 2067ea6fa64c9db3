// What `npm run build` bundles into one file (scripts/bundle-cli.mjs): the
// CLI with every module `ps` and `tree` load, for bin/procview.cts. As tsc
// emits it (no bundler), it loads those modules one by one and works the same.
export { main, runAsCommand } from '../cli-main.js';
