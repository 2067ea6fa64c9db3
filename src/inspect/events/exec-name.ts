// The name (comm) the kernel gives a process at execve(path): the last part
// of the path it was given, cut to TASK_COMM_LEN - 1 = 15 bytes (fs/exec.c:
// __set_task_comm(me, kbasename(bprm->filename))). A script keeps its own
// name, not its interpreter's: bprm->filename is the script.
const TASK_COMM_BYTES = 15;

export function execName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const bytes = Buffer.from(base, 'utf8');
  // A cut inside a character leaves bytes a read decodes as U+FFFD; so does this.
  return bytes.length <= TASK_COMM_BYTES ? base : bytes.subarray(0, TASK_COMM_BYTES).toString('utf8');
}
