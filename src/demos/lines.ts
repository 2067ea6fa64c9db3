// Text that arrives in chunks (a pipe, a socket) cut into lines: complete
// lines come out without their '\n'; an unfinished last one waits for more.
export function createLineSplitter(): (chunk: string) => string[] {
  let pending = '';
  return (chunk) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    return parts;
  };
}
