// The library: `import { createInspector, diffSnapshots, buildTree } from 'procview'`.
// Nothing here loads the dashboard (blessed): that is src/ui/, reached only from the CLI.
export type * from './inspect/types.js';
export { createInspector } from './inspect/inspector.js';
export { readStartTime } from './inspect/inspector.js';
export { getProcess } from './inspect/get-process.js';
export { diffSnapshots } from './inspect/diff.js';
export { buildTree, findSubtree, subtreePids, type ProcOrder } from './inspect/tree.js';
export { statWords as explainStat, type StatPart } from './inspect/stat-words.js';
export { readSystem, type CpuSeconds, type MemoryTotals, type SystemInfo } from './inspect/system-info.js';
export {
  ProcessControlError,
  renice,
  sendSignal,
  type ProcessControlErrorCode,
  type ProcessControlOptions,
} from './inspect/process-control.js';
export { formatPsTable, type PsFormat } from './inspect/format/ps-table.js';
export { formatTree, type TreeTextOptions } from './inspect/format/tree-text.js';
export {
  JSON_VERSION,
  PROC_FIELDS,
  procToJson,
  psDocument,
  treeDocument,
  treeToJson,
  type CpuPercentBasis,
  type JsonEnvelope,
  type ProcJson,
  type ProcJsonOptions,
  type PsDocument,
  type ThreadJson,
  type TreeDocument,
  type TreeJson,
} from './inspect/format/json.js';
export { sanitizeForDisplay } from './text/sanitize.js';
export { watch, type WatchOptions, type WatchFrame, type EventsMode } from './inspect/watch.js';
export { openRecording, Recording } from './record/reader.js';
export { RecordingWriter, type WriterOptions } from './record/writer.js';
export { FORMAT_VERSION as RECORDING_FORMAT_VERSION, RecordingError } from './record/format.js';
export type {
  FrameInput,
  NoteInput,
  NotePane,
  RecordedFrame,
  RecordedNote,
  RecordingEntry,
  RecordingHeader,
  RecordingHost,
  RecordingScope,
} from './record/types.js';
export { readHostFacts, type HostFacts } from './inspect/host-facts.js';
