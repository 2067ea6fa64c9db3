// Node opens its inspector (a debugger on 127.0.0.1:9229 that runs any code
// it is sent) when its process gets SIGUSR1, unless the process listens for
// that signal itself. A procview process often runs as root (the kernel's
// process events need it): any local user able to signal it, or to reach that
// port once a signal opened it, would run code as root. Every procview process
// listens for SIGUSR1 and does nothing with it; Node 20 has no flag for this
// (--disable-sigusr1 came in 22.14).

let refused = false;

/** Call first thing in every procview process (the CLI, lesson and chat children). */
export function refuseInspectorSignal(): void {
  if (refused) return;
  refused = true;
  process.on('SIGUSR1', () => undefined);
}
