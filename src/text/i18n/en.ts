// The English catalog: the reference. Every id of procview's text for a person
// is here, with `{name}` placeholders; zh.ts has the same ids. Ids are grouped
// by where the text is read: chat.*, cli.*, demo.*, event.*, stat.*, ui.*,
// and record.* / file.* (a recording's reader and writer, and what a failed
// open, read or write of a file means).

export const EN = {
  // The chat room (server lines reach every member in the room's language).
  'chat.adminName': 'admin',
  'chat.nameTaken': 'that name is already taken',
  'chat.nameEmpty': 'a name must not be empty',
  'chat.nameBadChars': 'a name must not contain spaces or control characters',
  'chat.nameTooLong': 'a name must be at most {max} characters',
  'chat.nameReserved': 'that name is reserved for the admin',
  'chat.roomFull': 'the room is full',
  'chat.tooManyFromAddress': 'too many members from your address (at most {max})',
  'chat.tooManyLogins': 'too many login attempts from your address: try again in a minute',
  'chat.alreadyIn': 'you are already in the room as {name}',
  'chat.join': '{name} joined the room',
  'chat.says': '{name} says: {text}',
  'chat.leave': '{name} left the room',
  'chat.closing': 'the room is closing',
  'chat.flood': 'too many messages: the rest are dropped until you slow down',
  'chat.errorUnknownVerb': 'error: unknown command (use L, C or Q)',
  'chat.errorMissingField': 'error: missing name or text',
  'chat.errorEmptyDatagram': 'error: empty datagram',
  'chat.errorEmptyMessage': 'error: empty message',
  'chat.errorInvalidUtf8': 'error: not valid UTF-8',
  'chat.errorTooLong': 'error: message too long (max {max} bytes)',
  // The chat client's own lines.
  'chat.client.prompt': 'your name: ',
  'chat.client.joined': 'you are in the room as {name}. Type a message and press Enter; "quit" (or Ctrl-C) leaves.',
  'chat.client.left': 'you left the room',
  'chat.client.noAnswer': 'no answer from {where}: is `procview chat server` running there?',
  'chat.client.serverSilent': 'no answer from the server for {seconds} s: it seems to have stopped; leaving',
  'chat.client.noName': 'no name given',
  'chat.client.tooLong': 'not sent: a message is at most {max} bytes',
  'demo.observed': 'observed: pid {pid}, ppid {ppid}, STAT {stat}: {note}',
  'demo.stderr': 'pid {pid} ({name}) on stderr: {line}',
  'demo.stderrUnknown': 'pid {root} or a process it started, on stderr: {line}',
  'demo.goneBut': 'gone from the process table, but {why}',
  'demo.reaperUnseen': 'the inspector did not see who reaped it (expected {reaper})',
  'demo.reaperOther': 'the inspector saw it reaped by {by}, not {reaper}',
  'demo.interrupted': 'Interrupted: ending every process of this lesson.',
  'demo.cleanupChecked': "Cleanup checked with the inspector: none of the lesson's processes is left running.",
  'demo.exit.shell': ', a shell would show $? = {status}',
  'demo.exit.killed': 'killed by {signal}: WIFSIGNALED, WTERMSIG = {number}{shell}',
  'demo.exit.exited': 'exited with status {code}: WIFEXITED, WEXITSTATUS = {code}',
  'demo.unknownProcess': 'an unknown process',
  'demo.seconds': '{seconds} s',
  'demo.nice.times': '{ratio}×',
  'demo.adopter.init1': 'The adopter is PID 1 ({name}): no ancestor declared itself a subreaper, so the kernel handed the orphan to init.',
  'demo.adopter.init2':
    "On a desktop or server PID 1 is systemd (or another init); in a container it is whatever the container started first (tini, docker-init, a shell, or the application itself), and that program inherits init's duty of reaping orphans. A container whose PID 1 never calls wait() slowly fills with zombies.",
  'demo.adopter.self1':
    "The adopter is procview itself ({who}): whoever started it marked it a child subreaper with prctl(PR_SET_CHILD_SUBREAPER, 1) and then exec'd procview, and the mark survives exec. So orphans among procview's descendants come to procview, not to init. /proc does not show that flag; this reparenting is the evidence.",
  'demo.adopter.self2':
    "A subreaper takes on init's duty: it must wait() for what it adopts, as tini and systemd do with a loop on waitpid(-1). procview runs on Node.js, which can only wait for the children it spawned itself, so it cannot reap this one.",
  'demo.adopter.ancestry': ', an ancestor of procview,',
  'demo.adopter.other1':
    'The adopter is {who}{ancestry} and not PID 1: it marked itself a child subreaper with prctl(PR_SET_CHILD_SUBREAPER, 1), so orphans among its descendants go to it instead of init. /proc does not show that flag; this reparenting is the evidence.',
  'demo.adopter.other2':
    "systemd --user does this for a login session, and container runtimes (containerd-shim, tini -s, podman's conmon) do it so that orphans stay inside their session or container.",
  'demo.adopted.orphan': 'orphan',
  'demo.adopted.grandchild': 'grandchild',
  'demo.adopted.goneUnseen': 'the {who} exited and left the table (who reaped it was not seen)',
  'demo.adopted.goneBy': 'the {who} exited and its adopter {adopter} reaped it before procview looked again',
  'demo.adopted.zombie': 'the {who} exited: a zombie of its adopter {adopter} until that one calls wait()',
  'demo.adopted.selfZombie':
    'That adopter is procview itself, which cannot wait() for a process it did not start. The zombie stays until procview exits; then it is orphaned once more, and its next adopter (PID 1 or a subreaper above) reaps it. This is what a subreaper that does not do its duty looks like.',
  'demo.adopted.lazy':
    'After {waited} {adopter} has still not reaped it: this adopter reaps lazily. That zombie is its to collect, not a leak of the lesson: the process has exited and holds no memory, only its slot in the table until that wait().',
  'demo.adopted.zombieGoneUnseen': 'the zombie left the table within {waited} (who reaped it was not seen)',
  'demo.adopted.zombieReaped': 'reaped by its adopter {adopter} within {waited}',
  'demo.zombie.intro1':
    'When a process exits, the kernel frees its memory but keeps its entry in the process table — pid and exit status — until the parent collects it with wait()/waitpid(). Until then it is a zombie: STAT Z, shown by ps as "<defunct>".',
  'demo.zombie.intro2':
    'Node normally reaps for you: libuv catches SIGCHLD and calls waitpid() from the event loop. So this parent stops its event loop instead — its JavaScript sits in a synchronous Atomics.wait() loop, like a C program busy with something else that never calls wait().',
  'demo.zombie.started': 'parent {parent}: started child {child}, and now my event loop is stopped.',
  'demo.zombie.childRunning': 'the child, running; it will exit in {seconds} s',
  'demo.zombie.seen': 'ZOMBIE: the child has exited, but its parent {ppid} has not called waitpid(); ps shows it as "[{comm}] <defunct>"',
  'demo.zombie.asleep': 'asleep in Atomics.wait',
  'demo.zombie.parentAlive': 'the parent is alive ({how}), its event loop stopped: nobody reaps the child',
  'demo.zombie.still': 'still a zombie after {seconds} s: it uses no memory or CPU, only a slot in the process table (too many of them and fork() fails)',
  'demo.zombie.release': 'procview now lets the parent return to its event loop: libuv handles the pending SIGCHLD and calls waitpid().',
  'demo.zombie.reaped': 'parent: reaped child {child}, which {exit}',
  'demo.zombie.gone': 'reaped by {parent}: the zombie is gone from the process table',
  'demo.parentReapedByUs': 'the parent exited and procview, its parent, reaped it',
  'demo.noZombieLeft': 'No zombie is left.',
  'demo.listSeparator': ', ',
  'demo.parentExitedReaped': 'the parent exited; procview, its parent, reaped it',
  'demo.fork.intro1':
    "fork() in C or Python duplicates the running process: both copies continue from the same point with the same variables, in separate memory; fork() returns the child's PID in the parent and 0 in the child.",
  'demo.fork.intro2':
    "Node has no bare fork(). child_process.fork()/spawn() start a NEW Node process that runs a script from its first line (fork + exec in one step), so nothing is copied: the parent hands over what the child should know. Here the parent runs its own script again with role=child, which plays the part of fork()'s return value.",
  'demo.fork.parentHello': 'parent: I am pid {pid}, my parent is {ppid} (procview); counter = {counter}',
  'demo.fork.started': 'parent: started child {child} and handed it counter = 1',
  'demo.fork.childHello': 'child: I am pid {pid}, my parent is {ppid}; counter = {counter}',
  'demo.fork.order':
    "The order of the parent's and the child's lines is not fixed: they are separate processes and the scheduler runs them as it likes (here the child usually comes second because a new Node takes a moment to start).",
  'demo.fork.seeParent': 'the parent; its PPID {ppid} is procview, which started it',
  'demo.fork.seeChild': "the child; its PPID is the parent's PID {parent}",
  'demo.fork.change': 'Now the child changes its counter to 42, then the parent prints its own.',
  'demo.fork.childCounter': 'child: counter = {counter}',
  'demo.fork.parentCounter': 'parent: counter = {counter}',
  'demo.fork.separate':
    "Separate memory: the child's write is invisible to the parent. After a real fork() the child has a copy-on-write copy of the parent's memory; here it has its own from the start. Either way, to share data processes must talk (pipes, sockets, messages).",
  'demo.fork.childEnded': 'parent: child {child} {exit}',
  'demo.fork.childGone': 'the child is gone: the parent reaped it',
  'demo.exit.intro1':
    'A process ends either by calling exit(status) or because a signal kills it. Its parent finds out which with wait(): WIFEXITED + WEXITSTATUS give the exit status (0-255), WIFSIGNALED + WTERMSIG the signal number.',
  'demo.exit.intro2': "Node hands the parent the same two facts in the child's 'exit' event: (code, signal), exactly one of them set.",
  'demo.exit.plan': '{pid} will end by {way}',
  'demo.exit.started': 'parent {parent} started five children: {plans}.',
  'demo.exit.alive': 'child that will end by {way}: alive, a child of {parent}',
  'demo.exit.ending': `The parent now asks three children to exit — with 0, with 3, and with a message the way Python's sys.exit("message") does it (message on stderr, status 1) — and sends SIGTERM and SIGKILL to the other two. SIGTERM could be caught for a clean shutdown (these children do not); SIGKILL can never be caught.`,
  'demo.exit.status': 'parent: child {pid} ({way}) {exit}',
  'demo.exit.gone': 'the {way} child is gone: its parent collected the status',
  'demo.exit.parentGone': 'the parent is gone: procview, its parent, reaped it',
  'demo.exit.ownWait': "procview's own wait for the parent {parent}: it {exit}.",
  'demo.orphan.intro':
    'Every process has a parent, which is told when it ends (SIGCHLD) and must collect its status. When a parent exits before its child, the child is an orphan: the kernel hands it to the nearest ancestor that declared itself a "child subreaper", or else to PID 1 (init), and that new parent reaps it later.',
  'demo.orphan.before': 'child {child}: getppid() says my parent is {ppid}',
  'demo.orphan.parent': 'the parent',
  'demo.orphan.child': 'the child, running under its parent {parent}',
  'demo.orphan.exits': 'The parent {parent} exits now, while its child keeps running.',
  'demo.orphan.byInit': 'adopted by PID 1 (init)',
  'demo.orphan.bySelf': 'adopted by procview itself, a child subreaper',
  'demo.orphan.bySubreaper': 'adopted by a child subreaper',
  'demo.orphan.adopted': 'reparented {from} → {to}: {adoptedBy}, {adopter}',
  'demo.orphan.event': " (the inspector's event: orphaned, adopter {adopter})",
  'demo.orphan.parentReaped': 'the parent has exited, and procview, its own parent, reaped it',
  'demo.orphan.after': 'child {child}: getppid() now says {to} (it was {from})',
  'demo.orphan.over':
    'The lesson is over: procview closes the pipe the orphan watches (its stdin), and the orphan exits by itself. Its new parent must now reap it.',
  'demo.doubleFork.intro1':
    'A daemon should not stay the child of whoever started it, and that starter should not have to reap it. The classic recipe forks twice: the child forks a grandchild and exits at once; the parent reaps the child right away; the grandchild, now an orphan, is adopted by init (or a subreaper) and does the work.',
  'demo.doubleFork.intro2':
    "In C the child also calls setsid() between the two forks to leave the terminal's session. This lesson already runs in a session of its own (procview started it with setsid()), so the grandchild stays in it: that is how procview finds and ends it afterwards.",
  'demo.doubleFork.generations': 'parent {parent} → child {child} → grandchild {grand} (whose getppid() said {ppid} at start)',
  'demo.doubleFork.seeChild': 'the child, under the parent {parent}',
  'demo.doubleFork.seeGrand': 'the grandchild, under the child {child}',
  'demo.doubleFork.wait': 'In C the child would exit right after the second fork(); this one waits a moment so that the three generations can be seen first.',
  'demo.doubleFork.childExits': 'child {child}: the grandchild runs and procview has seen it, so I exit now.',
  'demo.doubleFork.reaped': 'parent: reaped child {child}, which {exit}; nothing left to wait for',
  'demo.doubleFork.childGone': 'the child is gone: reaped by the parent {parent}, so no zombie stays',
  'demo.doubleFork.adopted': 'the grandchild, adopted by {adopter}: its parent is neither the child nor the original parent',
  'demo.doubleFork.working': 'grandchild {grand}: still working ({units} units of work done), my parent is now {ppid}',
  'demo.doubleFork.parentAlone': 'the original parent: no child left, no zombie to reap',
  'demo.doubleFork.over': 'The lesson is over: procview closes the pipe the grandchild watches, and it exits by itself.',
  'demo.wait.intro1':
    "wait() puts the parent to sleep until one of its children ends, then returns that child's pid and status, and in the same step removes the child from the process table. A parent that waits leaves no zombie.",
  'demo.wait.intro2':
    "In Node the blocking form is child_process.spawnSync(): it starts the child and returns only after the child has exited and been reaped (libuv calls waitpid() inside), with its pid and status. The parent runs no JavaScript meanwhile. (Asynchronous code would `await once(child, 'exit')` and keep its event loop running — see the waitpid lesson.)",
  'demo.wait.waiting': 'parent {parent}: in spawnSync(), waiting. child {child}: working until told to exit({status}).',
  'demo.wait.seeChild': 'the child, working; its parent is {ppid}',
  'demo.wait.seeParent': 'the parent, asleep in its wait (spawnSync): no JavaScript runs in it until the child is gone',
  'demo.wait.finish': 'procview tells the child to finish; it exits with status {status}.',
  'demo.wait.returned': 'parent: spawnSync() returned after {seconds} s with pid {child}: the child {exit}',
  'demo.wait.neverZ': 'gone, reaped by the parent; never seen as Z in {looks} looks at the table: the wait collected it as it exited',
  'demo.wait.seenZ': 'gone, reaped by the parent; it was seen as Z {times}× in {looks} looks, in the instant between its exit and the wait',
  'demo.waitpid.intro1':
    'waitpid(-1, &status, WNOHANG) asks "has a child ended?" and returns at once: a pid and status if one has, 0 if not. A parent calls it in its main loop or when SIGCHLD arrives, and does its own work in between.',
  'demo.waitpid.intro2':
    "That is what Node does for you: libuv turns SIGCHLD into an event-loop task that calls waitpid(pid, &status, WNOHANG) for each child it started, and you get an 'exit' event. This parent counts units of work on a timer meanwhile.",
  'demo.waitpid.child': 'child working; it will exit with status {code} after {seconds} s',
  'demo.waitpid.reaped': 'gone, reaped by the parent {parent} while it kept working',
  'demo.waitpid.reapedOther': 'gone from the table (reaped by {by}, not by the parent)',
  'demo.waitpid.collected': 'parent: collected child {pid}, which {exit}; {work} units of work done so far, still running: {running}',
  'demo.waitpid.conclusion':
    "The children left the table as they ended, each reaped by the parent, and the parent's work count kept growing in between: it never blocked.{ties}",
  'demo.waitpid.ties': ' (Some left between the same two looks at the table: too close together to order by sight.)',
  'demo.nice.intro':
    'The nice value (ps column NI) runs from -20 (least nice, most CPU) to 19 (nicest). It only matters when processes compete for a CPU: the scheduler gives each a weight, 1.25 times smaller per step up (about 20% less; two processes one step apart split a CPU about 55/45, a 10% difference), so nice 0 (weight 1024) gets roughly nine times the CPU of nice 10 (weight 110). STAT shows N for nice > 0 and < for nice < 0.',
  'demo.nice.plan':
    'This machine offers {cpus} CPU(s) (os.availableParallelism()). The parent starts {perLevel} busy loop(s) at nice 0 and {perLevel} it renices to 10 (like renice -n 10 -p PID): {loops} loops for {cpus} CPU(s).',
  'demo.nice.notSaturated': 'With this many CPUs the loops cannot all be kept busy; the shares may not differ.',
  'demo.nice.niced': ' (N in STAT: niced)',
  'demo.nice.loop': 'NI {nice}: a busy loop{niced}',
  'demo.nice.measuring': 'Measuring CPU use over {seconds} s with a fresh pair of snapshots (CPU time used / wall time, as top does)...',
  'demo.nice.share': 'NI {nice}: {percent}% of a CPU over the last {seconds} s',
  'demo.nice.farMore': 'far more than',
  'demo.nice.average': 'On average a nice-0 loop got {plain}% of a CPU and a nice-10 loop {nicer}%: {ratio} as much.',
  'demo.nice.lower':
    'Raising a nice value is allowed to anyone for their own processes. Lowering it (more CPU for yourself) needs privilege: CAP_SYS_NICE, as root has, or an RLIMIT_NICE allowance. The parent (uid {uid}) now tries to lower pid {target} from 10 to 5.',
  'demo.nice.root': 'root (uid 0), which has CAP_SYS_NICE',
  'demo.nice.privileged': 'uid {uid} with the privilege to do so',
  'demo.nice.allowed': 'Allowed: the parent runs as {who}. An ordinary user would get EACCES (setpriority: Permission denied).',
  'demo.nice.lowered': 'NI 5 now: lowered, because the parent was privileged',
  'demo.nice.refused': 'Refused with {code}: {message}. {why}',
  'demo.nice.eacces': 'EACCES is the kernel saying "only a privileged process may lower a nice value".',
  'demo.nice.eperm': 'EPERM means the target belongs to another user.',
  'demo.nice.unchanged': 'NI {nice}: unchanged, the request was refused',
  'demo.nice.ending': 'The parent now ends its loops and exits.',
  'demo.nice.gone': 'parent {parent} and its {loops} loops have left the process table.',
  'demo.states.seePs': 'see ps(1)',
  'demo.states.noModifiers': 'no modifiers',
  'demo.states.separator': '; ',
  'demo.states.intro': "ps's STAT column is one state letter followed by modifier letters. This lesson holds one process in each of the common states.",
  'demo.states.r': 'R = running or runnable (on a CPU or waiting for one): a busy loop. {modifiers}',
  'demo.states.s': 'S = interruptible sleep, waiting for an event (its event loop sits in epoll_wait). {modifiers}',
  'demo.states.parent': 'the parent, also S. {modifiers}',
  'demo.states.noPlus':
    "{modifiers}. No + here: procview is not in its terminal's foreground group (its output goes to a pipe, or it has no terminal); started from an interactive shell it shows +",
  'demo.states.self': "procview itself. {modifiers}. The lesson's processes never show +: their own session has no terminal at all.",
  'demo.states.sigstop': 'procview sends SIGSTOP to {pid} (kill -STOP {pid}; Ctrl-Z in a shell sends SIGTSTP, which stops the same way).',
  'demo.states.t': 'T = stopped by a job-control signal: it keeps its memory but gets no CPU until SIGCONT (a lower-case t would mean stopped by a debugger)',
  'demo.states.backToSleep': ': back to sleeping',
  'demo.states.continued': 'SIGCONT: continued, no longer T{sleeping}',
  'demo.states.zIntro':
    'Z: the parent starts a child that exits at once, while the parent keeps its event loop stopped so that Node cannot reap it (see the zombie lesson).',
  'demo.states.z': 'Z = zombie ("<defunct>"): exited, waiting for its parent {ppid} to collect the status',
  'demo.states.reaped': 'reaped: its parent collected the status, and the Z is gone',
  'demo.states.others':
    'Other letters you may meet: D = uninterruptible sleep (usually waiting for a disk or network filesystem), I = idle kernel thread, t = stopped by a debugger, X = dead (never seen in practice); modifiers < (nice < 0) and L (locked pages).',
  'demo.states.gone': 'parent {parent} ended its children and exited: all of them have left the process table.',
  'demo.socket.noFile': '(no file at {path})',
  'demo.socket.intro':
    "A Unix domain socket is a local IPC endpoint named by a file: the server bind()s a path and listen()s, clients connect() to that path. It is the socket API of TCP, without the network; who may connect is decided by the file's permissions, and by those of the directories on the way to it.",
  'demo.socket.dir': 'procview made a private directory for it (mkdtemp, mode 0700: only its owner may enter): ls -lnd: {listing}',
  'demo.socket.staleFirst': 'First a stale socket file: a server binds {path} and is then killed with SIGKILL, so it never removes it.',
  'demo.socket.listening': 'a server listening on {path}',
  'demo.socket.killed': 'killed by SIGKILL: no chance to clean up (procview, its parent, reaped it)',
  'demo.socket.leftBehind':
    'Left behind: {listing}. The leading "s" is the file type (socket), from the mode bits lstat() returns. Nobody accepts connections on it any more: it is stale.',
  'demo.socket.newServer': 'A new server starts on the same path.',
  'demo.socket.bindFailed': 'server: bind() failed with {code}: the name is taken by the old file.',
  'demo.socket.removed':
    'server: connect() to it was refused (ECONNREFUSED), so nobody listens: the file is stale. lstat() showed a socket owned by our uid, so it removed it (unlink) and bound again. (A server must not remove a file a live server still answers on, nor anything that is not its own socket.)',
  'demo.socket.newFile': 'ls -ln: {listing} — a new socket file (inode {inode}, made {ms} ms after the stale one)',
  'demo.socket.serverSleeps': 'the server: sleeps until a client writes (S)',
  'demo.socket.clientConnected': 'the client: connected to {path}',
  'demo.socket.toServer': 'client → server: {text}',
  'demo.socket.toClient': 'server → client: {text}',
  'demo.socket.bye': 'client: got {replies} replies, closed the connection (told to by procview) and exits.',
  'demo.socket.clientExited': 'the client exited',
  'demo.socket.closing': 'The server closes its listening socket; closing removes the file too (libuv unlinks the path).',
  'demo.socket.serverExited': 'the server exited',
  'demo.socket.stillThere': 'still there: {listing}',
  'demo.socket.removedAtEnd': 'ls -ln: {listing} — removed.',
  'stat.state.R': 'running, or ready to run on a CPU',
  'stat.state.S': 'sleeping until something it waits for happens (can be woken by a signal)',
  'stat.state.D': 'sleeping uninterruptibly, usually waiting for disk or other I/O',
  'stat.state.T': 'stopped by a job-control signal (SIGSTOP, SIGTSTP, ...); SIGCONT resumes it',
  'stat.state.t': 'stopped by a tracer such as a debugger',
  'stat.state.Z': 'zombie: it has exited, but its parent has not collected the exit status with wait() yet',
  'stat.state.Zl': 'its main thread has exited (pthread_exit) while its other threads run on: not a zombie yet; it becomes one when its last thread ends',
  'stat.state.X': 'dead: being removed right now',
  'stat.state.I': 'idle kernel thread',
  'stat.state.W': 'paging (not used by kernels since 2.6)',
  'stat.state.P': 'parked kernel thread',
  'stat.state.K': 'wakekill: would wake on a fatal signal',
  'stat.modifier.high': 'high priority: negative nice value, less nice to others',
  'stat.modifier.low': 'low priority: positive nice value, nice to others',
  'stat.modifier.locked': 'has pages locked into memory',
  'stat.modifier.sessionLeader': 'session leader (it called setsid(): its pid is its session id)',
  'stat.modifier.threads': 'multi-threaded',
  'stat.modifier.foreground': 'in the foreground process group of its terminal',
  'stat.unknown': 'state unknown (could not be read)',
  'policy.TS': 'time-sharing (SCHED_OTHER), the usual one: nice weighs its share of the CPU',
  'policy.B': 'batch (SCHED_BATCH): time-sharing for CPU-bound work, woken a little later; nice weighs its share',
  'policy.IDL': 'idle (SCHED_IDLE): runs only when nothing else wants the CPU; nice has no say (NI -)',
  'policy.FF': 'real-time, first in first out (SCHED_FIFO): runs ahead of every time-sharing process until it blocks or yields; nice has no say (NI -)',
  'policy.RR': 'real-time, round robin (SCHED_RR): like FIFO, taking turns with its equals; nice has no say (NI -)',
  'policy.DLN': 'deadline (SCHED_DEADLINE): runs by the deadlines it declared; nice has no say (NI -)',
  'policy.ISO': 'isochronous (SCHED_ISO, a patch never merged into Linux)',
  'stat.unknownState': 'a state this version of procview does not know',
  'stat.unknownModifier': 'a modifier this version of procview does not know',
  'demo.double-fork.summary': 'parent → child → grandchild; the child exits and is reaped, the grandchild is adopted and keeps working',
  'demo.exit.summary': 'children end by exit(0), exit(3), sys.exit("msg"), SIGTERM and SIGKILL; the parent reads each status',
  'demo.fork.summary': "a parent starts a child: two PIDs, the child's PPID is the parent, separate memory",
  'demo.nice.summary': 'busy children at nice 0 and nice 10, more than the CPUs: NI and CPU shares differ',
  'demo.orphan.summary': 'the parent exits first; the running child is adopted by PID 1 or a subreaper',
  'demo.states.summary': 'processes held in R (busy), S (sleeping), T (stopped) and Z (zombie), with STAT modifiers explained',
  'demo.unix-socket.summary': 'a stream server on a Unix socket file and a client exchanging messages; stale file removed first',
  'demo.wait.summary': 'the parent blocks in wait() until its child exits with status 3; no zombie is left',
  'demo.waitpid.summary': 'non-blocking waitpid(WNOHANG): the parent keeps working while three children end at different times',
  'demo.zombie.summary': 'a child exits while its busy parent does not reap it: Z <defunct>, then reaped',
  'demo.header': 'lesson "{name}": {summary} (hold {seconds} s, procview pid {pid})',
  'demo.result.observed': 'result: the lesson was observed.',
  'demo.result.notObserved': 'result: NOT observed — {problems}',
  'demo.noDashboard': 'the dashboard could not start ({why}); running the lesson as plain text',
  'demo.cannotDraw': '{why}; running the lesson as plain text (--plain)',
  'event.exited': 'exited {code}',
  'event.killed': 'killed by {signal}',
  'event.killedCore': 'killed by {signal}, dumped core',
  'event.exitedUnknown': 'exited',
  'event.unknownProcess': 'an unknown process',
  'event.subreaper': '{pid} (a subreaper)',
  'event.subreaperNamed': '{pid} ({name}, a subreaper)',
  'event.spawn': '{self} started, child of {parent}',
  'event.spawnUnderInit': '{self} first seen, under {parent}; who started it was not seen',
  'event.exit': '{self} {ended} (parent {parent})',
  'event.zombie': '{self} became a zombie: parent {parent} has not reaped it',
  'event.zombieStatus': '{self} became a zombie: parent {parent} has not reaped it ({status})',
  'event.reapUnknown': '{self} is gone: its zombie was reaped',
  'event.reap': '{self} reaped by {by}',
  'event.reapInferred': '{self} reaped by its parent {by} (or by its adopter, if that parent exited first; inferred: found gone once its parent had exited)',
  'event.reapInferredStatus':
    '{self} reaped by its parent {by} ({status}; or by its adopter, if that parent exited first; inferred: found gone once its parent had exited)',
  'event.reapUnknownStatus': '{self} is gone: its zombie was reaped ({status})',
  'event.reapStatus': '{self} reaped by {by} ({status})',
  'event.reapByKernel':
    '{self} reaped by the kernel at its exit, never a zombie: its parent {parent} ignores SIGCHLD (inferred: SIGCHLD is in the SigIgn mask of /proc/{pid}/status)',
  'event.reapAtExitParentGone':
    '{self} reaped as it exited, never read as a zombie (inferred: its exit report named no parent, so it was already released: by its parent {parent}, which ignored SIGCHLD, set SA_NOCLDWAIT or was in wait() at that moment, or by its adopter if that parent exited first; that parent has exited too, so which was not read)',
  'event.reapAtExit':
    "{self} reaped as it exited, never read as a zombie (inferred: its exit report named no parent, so it was already released; its parent {parent} does not ignore SIGCHLD, so that parent's wait() took the child at that moment, or that parent set SA_NOCLDWAIT and the kernel did)",
  'event.reapUnseen': '{self} reaped by its parent {by} (inferred: gone by the first read after its exit, never read as a zombie, while that parent lived)',
  'event.inferred': '{self} {evidence} (inferred)',
  'event.orphaned': '{self} orphaned: parent {parent} exited, adopted by {adopter}',
  'event.reparent': '{self} reparented: parent {from} → {to}',
  'event.execUnread': '(a program not read in time)',
  'event.execNameOnly': '{name} (its name; its command line was not read)',
  'event.execNameFromChild': "{name} (the name its child {child} was forked with: a fork copies its parent's name)",
  'event.exec': '{self} exec: {after}',
  'event.execFrom': '{self} exec: {before} → {after}',
  'event.stop': '{self} stopped (T): SIGCONT resumes it',
  'event.stopTraced': '{self} stopped by its tracer (t): the tracer resumes it (ptrace), SIGCONT does not',
  'event.continue': '{self} continued',
  'event.continueInferred':
    '{self} continued (inferred: it exited with a code after it was last read stopped, and a stopped process runs again only once continued)',
  'event.renice': '{self} reniced: nice {from} → {to}',
  'event.argsCut': '{start}… ({count} more characters: --json has them all)',
  'event.rename': '{self} renamed: {from} → {to} (its name only, no exec: prctl or /proc/PID/comm)',
  'event.renameFromUnread': '{self} named itself {to} (its name only, no exec: prctl or /proc/PID/comm; the name before was not read)',
  'event.evidence.noLeader': 'first seen already adopted by 1; its process group {pgid} has no leader any more',
  'event.evidence.noLeaderSeen': 'first seen already adopted by 1; its process group {pgid} has no leader any more ({leader} was seen before)',
  'event.evidence.leaderAlive': "first seen already adopted by 1; its process group's leader {leader} is alive but not its parent",
  'event.evidence.orphaned': '{why}: probably orphaned before procview looked',
  'ui.key.1': 'quit (a demo is stopped and cleaned up first)',
  'ui.key.2': 'this help',
  'ui.key.3': 'select a process (the mouse works too: click, wheel)',
  'ui.key.4': 'the selected process in full (Esc closes)',
  'ui.key.5': 'table ⇄ tree',
  'ui.key.6': 'tree view: fold the selected subtree (on a leaf: go to its parent)',
  'ui.key.7': 'tree view: unfold the selected subtree',
  'ui.key.8': 'sort by the next column left / right (F6 as >), or click a title',
  'ui.key.9': 'reverse the sort order',
  'ui.key.10': 'sort by %CPU, %MEM or TIME, biggest first (as htop)',
  'ui.key.11':
    'filter by pid, name, user or command line; the events and side panes follow it (a process it matched keeps its event lines after it exits; Enter keeps, Esc clears)',
  'ui.key.12': "only one user's processes, by name or uid (empty: everyone)",
  'ui.key.13': 'show / hide kernel threads (hidden by default in the whole-system view; always counted)',
  'ui.key.14': 'threads: procview lists processes (THR counts their threads)',
  'ui.key.15': 'send a signal: any of kill -l, chosen with ↑ ↓ or by typing its name or number; Enter sends (KILL/STOP outside your scope ask once more)',
  'ui.key.16': 'renice: nice +1 (lower priority)',
  'ui.key.17': 'renice: nice -1 (higher priority; needs root)',
  'ui.key.18': 'follow the selected process wherever the sort moves it (f again stops)',
  'ui.key.19': 'pause the display (the events are still collected)',
  'ui.key.20': 'swap the events with the narration / chat pane (narrow screens)',
  'ui.key.21': 'show / hide the side column (narration, chat, process detail): the list takes the width',
  'ui.key.22': 'scroll the events pane back / forward (the wheel over it too); scrolled back, it holds the lines shown as new ones come',
  'ui.key.23': 'scroll the narration / chat pane back / forward (the wheel over it too)',
  'ui.key.24': 'setup: columns shown, refresh, tree at start, colour; saved to $XDG_CONFIG_HOME/procview/config.json (~/.config when unset)',
  'ui.key.25': 'say something in the chat room as the admin (--watch chat)',
  'ui.key.26': 'paint the whole screen again (after something else wrote on the terminal)',
  'ui.row.new': 'new process (its first {count} refresh intervals)',
  'ui.row.dead': 'just exited (kept {count} refresh intervals)',
  'ui.row.zombie': 'zombie (Z): exited, not reaped yet',
  'ui.row.stopped': 'stopped (T/t)',
  'ui.row.context': 'not in scope: the parent a followed process hangs under',
  'ui.help.heading': 'procview keys',
  'ui.help.rows': 'Rows',
  'ui.help.closing':
    'Signals and renice check the process is still the same (pid + start time) first; PID 1 and procview itself are refused. Esc or ? closes this help.',
  'ui.header.reading': 'reading…',
  'ui.header.paused': ' PAUSED',
  'ui.header.ofSystem': ' (of {total} on the system)',
  'ui.header.filter': ' · filter "{filter}"',
  'ui.header.user': ' · user {user}',
  'ui.header.kernelHidden': ' · {count} kernel threads hidden (K)',
  'ui.header.following': ' · following {pid}',
  'ui.header.scope': 'Scope: {scope}{of} · {mode}{rest}',
  'ui.mode.table': 'table',
  'ui.mode.tree': 'tree',
  'ui.prompt.filter': 'filter> ',
  'ui.prompt.user': 'user (name or uid)> ',
  'ui.prompt.say': 'say as admin> ',
  'ui.prompt.sayHint': '  (Enter sends, Esc cancels)',
  'ui.prompt.keepHint': '  (Enter keeps, Esc clears)',
  'ui.footer.hints': 'q quit  ? help  t tree  / filter  k signal  n/N nice  f follow  space pause{say}  Enter detail',
  'ui.footer.say': '  i say',
  'ui.footer.detail': 'q/Esc close  ↑/↓ previous/next process  PgUp/PgDn scroll  Ctrl-C quit',
  'ui.footer.help': 'q/Esc close  ↑/↓ PgUp/PgDn scroll  Ctrl-C quit',
  'ui.footer.setup': 'q/Esc/F2 close (saved)  ↑/↓ choose  ←/→ change  Ctrl-C quit',
  'ui.footer.signal': 'Enter send  type a name or number to find it  Esc cancel  Ctrl-C quit',
  'ui.footer.confirm': 'y send  any other key cancels',
  'ui.tasks.seenLong': 'Tasks: {total} now, {seen} seen · {running} running, {sleeping} sleeping, {stopped} stopped, {zombie} zombie',
  'ui.tasks.seenShort': 'Tasks: {total} now, {seen} seen  R {running}  S {sleeping}  T {stopped}  Z {zombie}',
  'ui.tasks.long': 'Tasks: {total} total, {running} running, {sleeping} sleeping, {stopped} stopped, {zombie} zombie',
  'ui.tasks.short': 'Tasks: {total}  R {running}  S {sleeping}  T {stopped}  Z {zombie}',
  'ui.uptime': 'up {time}',
  'ui.uptime.day': '1 day, ',
  'ui.uptime.days': '{days} days, ',
  'ui.uptime.minutes': '{minutes} min',
  'ui.load': 'load average: {load}',
  'ui.loadShort': 'load {load}',
  'ui.interval': 'every {seconds} s',
  'ui.pane.kept': 'last {kept} of {total}',
  'ui.pane.matches': ' · {count} match "{filter}"',
  'ui.pane.back': ' · {count} lines back ({keys})',
  'ui.pane.moreBelow': '… more below: PgDn',
  'ui.pane.above': ' · {count} lines above ({)',
  'ui.pane.scrolled': ' · scrolled ({ })',
  'ui.title.help': 'Help',
  'ui.title.signal': 'Signal',
  'ui.title.confirm': 'Are you sure?',
  'ui.title.setup': 'Setup',
  'ui.title.process': 'Process',
  'ui.title.events': 'Events',
  'ui.title.lesson': 'Lesson: {name}',
  'ui.title.chat': 'Chat room {address}',
  'ui.title.output': 'Program output',
  'ui.lesson.ppid': ', ppid {ppid}',
  'ui.lesson.gone': 'gone',
  'ui.lesson.observed': 'observed: {pid} {stat}{ppid}: {note}',
  'ui.lesson.header': 'Lesson "{name}": {summary}',
  'ui.lesson.complete': 'Lesson complete: every promised state was observed. q quits.',
  'ui.lesson.problem': 'problem: {problem}',
  'ui.lesson.failed': 'the lesson failed: {why}',
  'event.source.lost': ' · {count} events lost',
  'event.source.kernel': 'events: kernel{lost}',
  'event.source.seconds': '{seconds} s',
  'event.source.needRoot': ' (kernel events need root)',
  'event.source.noModule': ' (kernel events: native module not built)',
  'event.source.otherNamespace': ' (kernel events: not in this network namespace)',
  'event.source.notLinux': ' (kernel events: Linux only)',
  'event.source.polling': 'events: polling {every}{why}{lost}',
  'ui.program.stderr': 'stderr: {text}',
  'ui.program.started': 'started as pid {pid}',
  'ui.program.ended': 'pid {pid} {how}. q quits.',
  'ui.program.endedWord': 'ended',
  'ui.program.cannotStart': 'cannot start {command}: {why}',
  'ui.program.notFound': 'command not found (ENOENT)',
  'ui.program.noSuchFile': 'no such file or directory (ENOENT)',
  'ui.program.notPermitted': 'permission denied (EACCES)',
  'cli.error.unknownOption': "unknown option '{option}'",
  'cli.error.unexpectedArgument': "unexpected argument '{argument}'",
  'cli.error.optionNeedsValue': "option '{option} <value>' argument missing",
  'cli.error.optionValue': "option '{option}' does not take an argument",
  'cli.error.optionDashValue': "option '{option}' is missing its value: the argument after it starts with '-' (a value that does is written {example})",
  'cli.unit.seconds': 'seconds',
  'cli.unit.bytes': 'bytes',
  'cli.kind.whole': 'whole number',
  'cli.kind.number': 'number',
  'cli.kind.numberOf': 'number of {unit}',
  'cli.range.fromTo': 'a {kind} from {min} to {max}',
  'cli.range.positive': 'a positive {kind}',
  'cli.range.nonNegative': 'a non-negative {kind}',
  'cli.range.above': 'a {kind} above {min}',
  'cli.range.atLeast': 'a {kind} of at least {min}',
  'cli.error.needsValue': '{flag} needs a value',
  'cli.error.mustBe': "{flag} must be {range}, not '{text}'",
  'cli.error.invalidPid': "invalid PID '{text}' (expected a positive whole number)",
  'cli.error.watchNeeds': '--watch needs {needs}',
  'cli.error.lang': "--lang must be en or zh, not '{lang}'",
  'cli.error.unknownCommand': "unknown command '{command}'",
  'cli.usage.short': 'Usage: procview [COMMAND] [OPTIONS]   (procview --help for the commands)',
  'cli.error.internal': 'internal error: {text}',
  'demo.error.oneAtATime': 'one lesson at a time',
  'demo.error.unknown': "unknown demo '{name}' (lessons: {lessons})",
  'demo.help.title': 'procview demo: process lessons with real processes.',
  'demo.help.lessons': 'Lessons:',
  'cli.help.title': 'procview: see Unix processes live.',
  'cli.help.usage': `Usage: procview [--watch chat[:PORT]|PID|NAME] [-d SECONDS]      live dashboard
                [--events MODE] [--record FILE] [-M|--no-color]
       procview ps [--format j|aux] [--json] [-w|--wide]         one-shot process list
       procview tree [PID] [-p|--pids] [-T|--hide-threads]       process tree
                     [-t|--thread-names] [--json] [-w|-l|--wide]
       procview demo [NAME] [--plain] [--hold SECONDS]           process lessons
                     [--record FILE]
       procview chat server|client|say ...                       UDP chat room
       procview serve --metrics [--listen HOST:PORT]             Prometheus exporter
                      [-d SECONDS] [--watch PID|NAME]
                      [--group NAME=REGEX ...] [--top-parents N]
       procview events [--watch PID|NAME] [--plain|--json]       process events as they happen
                       [-d SECONDS] [--events MODE]
       procview run [--plain] [-d SECONDS] [--record FILE]       run a program under the dashboard
                    [--events MODE] [--] CMD [ARGS...]
       procview record FILE [--watch PID|NAME] [-d SECONDS]      record processes and events to FILE
                       [--duration SECONDS] [--events MODE]
       procview replay FILE [--plain|--json] [-M|--no-color]     play a recording back
       procview COMMAND --help                                   help for a command
Every command takes --lang en|zh (default: PROCVIEW_LANG, else LC_ALL / LC_MESSAGES / LANG).`,
  'cli.help.events': `Event sources (the dashboard header says which is live):
  kernel   every fork, exec and exit as it happens, from the kernel's process events connector.
           Needs Linux, root (sudo procview ...), the host's network namespace, and the native
           module, built by npm install when a C compiler (gcc, make) is present.
  polling  otherwise: a scan every refresh, and for run / --watch / lessons a close watch (a few
           ms) on the watched processes' children. Force it with --events polling or
           PROCVIEW_EVENTS=polling.`,
  'demo.help.usage': `Usage: procview demo                                   list the lessons
       procview demo NAME [--plain] [--hold SECONDS]   run one
                          [--record FILE]
  --plain           print narration and observed facts as text (the default when stdout is not a terminal)
  --hold SECONDS    how long each interesting state is held (default {hold}; {min} to {max})
  --record FILE     also write the processes, events and narration to FILE (procview replay FILE)
Exit status: 0 when the lesson was observed, 1 when it was not (q in the dashboard before its end too), 2 for a bad command line, 128+N on signal N.`,
  'cli.usage.line': 'Usage: {synopsis}{more}',
  'cli.usage.more': '   ({command} --help for more)',
  'cli.usage.value': '<value>',
  'control.verb.signal': 'signal',
  'control.verb.renice': 'renice',
  'control.eperm': 'not permitted to {action} {who}: it belongs to another user (EPERM)',
  'control.esrch': '{who} exited before {exited}',
  'control.failed': 'could not {action} {who}: {why}',
  'control.notPid': 'refused: {pid} is not a process id',
  'control.init': 'refused to {action} PID 1 (init): everything depends on it',
  'control.self': 'refused to {action} procview itself (use q to quit)',
  'control.unconfirmed': 'refused: cannot confirm {who} is the process shown (start time unknown)',
  'control.gone': '{who} has exited; nothing to {action}',
  'control.reused': 'not done: pid {pid} now belongs to a different process (pid reused)',
  'control.noSignal': 'refused: no signal named {signal} here',
  'control.sent': 'sent SIG{signal} to {who}',
  'ui.msg.noUserProcesses': 'no process of user {user} in view (a user name exactly, or a uid; u then Esc shows everyone again)',
  'ui.msg.zombieSignalled': '{pid} is a zombie, it has exited already: no signal changes it; only a wait() by its parent {parent} removes it',
  'control.arrived': 'SIG{signal} arrived',
  'control.limit': '{who} is already at nice {nice}, the limit',
  'control.reniced': 'set the nice value of {who} to {to} (was {from})',
  'control.eacces': 'not permitted to lower the nice value of {who}: that needs root (EACCES)',
  'control.couldRenice': 'it could be reniced',
  'ui.detail.ago': ' ({age} ago)',
  'duration.seconds': '{seconds}s',
  'duration.minutes': '{minutes}m{seconds}s',
  'duration.hours': '{hours}h{minutes}m',
  'duration.days': '{days}d{hours}h',
  'ui.detail.none': 'No process selected.',
  'ui.detail.exited': ' exited',
  'ui.detail.new': ' new',
  'ui.detail.started': 'Started',
  'ui.detail.sessionLeader': '  leads its session (PID = SID)',
  'ui.detail.groupLeader': '  leads its process group (PID = PGID)',
  'ui.detail.forkedNoExec': "forked and no exec since (ps shows F 1): it runs its parent's program, the copy fork() made",
  'ui.detail.ancestors': 'Ancestors',
  'ui.detail.children': 'Children',
  'ui.detail.noChildren': 'none',
  'ui.detail.commandLine': 'Command line',
  'ui.detail.unreadable': '(unreadable)',
  'ui.detail.noArgs': '(none: kernel thread or zombie)',
  'ui.signal.notSent': 'SIG{signal} not sent',
  'ui.signal.typeHint': 'type a name or number to jump',
  'ui.signal.typed': 'typed: {typed}{none}',
  'ui.signal.noSuch': ' (no such signal)',
  'ui.signal.title': 'Send a signal to {who}',
  'ui.signal.moreUp': '   ↑ more',
  'ui.signal.moreDown': '   ↓ more',
  'ui.signal.keys': '↑↓ PgUp PgDn choose · Enter sends · Esc cancels',
  'ui.confirm.otherUser': 'It belongs to another user.',
  'ui.confirm.outside': 'It is outside a watched scope (the whole-system view).',
  'ui.confirm.title': 'Send SIG{signal} to {who}?',
  'ui.confirm.keys': 'y sends · any other key cancels',
  'cli.help.eventsFlag': `  --events MODE      event source: auto (default; the kernel's when it answers), kernel, polling
                     (or PROCVIEW_EVENTS=MODE). Kernel events need Linux, root (CAP_NET_ADMIN), the
                     initial network namespace and the native module built at install (needs a C compiler)`,
  'cli.help.ps': `Usage: procview ps [--format j|aux] [--json] [-w|--wide]
  --format j     PPID PID PGID SID TTY TPGID STAT UID TIME COMMAND, as ps -ajx (default)
  --format aux   USER PID %CPU %MEM VSZ RSS NI TTY STAT START TIME COMMAND, as ps aux plus NI
  --json         { "version": 1, "kind": "ps", "processes": [...] }; every field present, null when unknown
  -w, --wide     do not cut lines at the terminal width
  -h, --help     this help;  -V, --version  the version`,
  'cli.help.psTitle': `procview ps: every process, once.`,
  'cli.help.tree': `Usage: procview tree [PID] [-p|--pids] [-T|--hide-threads] [-t|--thread-names] [--json] [-w|-l|--wide]
  PID                  only the subtree of this process (a thread's id: that thread); default: the tree of PID 1, as pstree
  -p, --pids           show name(pid), and do not fold identical subtrees into N*[…] (as pstree -p)
  -T, --hide-threads   leave threads out (as pstree -T); by default a process's threads are its children, in braces
  -t, --thread-names   name threads by their own names rather than their process's (as pstree -t)
  --json               { "version": 1, "kind": "tree", "roots": [{ proc, children, threads }] }; unknown is null
  -w, -l, --wide       do not cut lines (cut otherwise at COLUMNS, the terminal's width or 132, with +, as pstree)
  -h, --help           this help;  -V, --version  the version`,
  'cli.help.treeTitle': `procview tree: the process tree, once.`,
  'cli.help.eventsCommand': `Usage: procview events [--watch PID|NAME] [--plain|--json] [--events auto|kernel|polling] [-d SECONDS]
  --watch PID        that process and what it forks, and their descendants
  --watch NAME       processes whose name or command line contains NAME (never procview's own)
  --plain            one line of words per event (the default, as run --plain prints them)
  --json             one JSON object per line (fields in the README)
  -d SECONDS         full rescan interval (default 1; also --delay SECONDS)
{eventsHelp}`,
  'cli.help.eventsTitle': `procview events: process events as they happen.`,
  'cli.help.dashboard': `Usage: procview [--watch chat|chat:PORT|PID|NAME] [-d SECONDS] [--events MODE] [--record FILE] [-M|--no-color] [--help] [--version]
  --watch chat       the chat room: its server (found by title, or started), admin and clients
  --watch PID        that process and its descendants (kept after they are reparented)
  --watch NAME       processes whose name or command line contains NAME, and their descendants
  -d SECONDS         refresh interval (default 1; 0.5 for demos; also --delay SECONDS); fractions allowed, at least 0.1
  -M, --no-color     monochrome: no colour at all (as NO_COLOR=1 does); bold and reverse tell states apart
  --record FILE      also write what the dashboard sees to FILE (procview replay FILE)
{eventsHelp}
Keys: q quit, ? help. For one-shot output: procview ps, procview tree.`,
  'cli.help.dashboardTitle': `procview: the live process dashboard.`,
  'cli.help.serve': `Usage: procview serve --metrics [--listen HOST:PORT] [-d SECONDS] [--watch PID|NAME]
                        [--group NAME=REGEX ...] [--top-parents N]
  --metrics            serve Prometheus metrics on http://HOST:PORT/metrics (OpenMetrics when asked for)
  --listen HOST:PORT   IP address and port (default {host}:{port}: this machine only; port 0: any free port).
                       0.0.0.0:PORT or [::]:PORT answers anyone who can reach this host, without
                       authentication or TLS: process counts by state, the names and PIDs of processes
                       that have zombies, adoption and event counts, your --group names and their CPU and memory.
  -d, --delay SECONDS  scan interval (default {interval}, Prometheus's usual scrape interval; at least 0.1); a scrape
                       reads the latest scan, it never scans. A scan reads every process's stat, so its CPU grows with
                       the number of processes over SECONDS; a shorter interval costs more and sees more of the
                       processes that start and end between two scans (PROCVIEW_EVENTS=kernel counts them all)
  --watch PID|NAME     only that process, or processes whose name or command line contains NAME, and their descendants
  --group NAME=REGEX   a named group of processes whose comm matches REGEX (NAME=cmdline:REGEX: whose command line
                       does); repeatable, a process counts in the first group it matches; labels carry NAME only
  --top-parents N      parents with their own procview_zombies_by_parent series (default {top}, 0 to {max});
                       the others are summed in parent_comm="other"
Stops cleanly on SIGTERM or Ctrl-C (exit 0).`,
  'cli.help.serveTitle': `procview serve: a Prometheus exporter of process states, zombies and orphans.`,
  'cli.help.run': `Usage: procview run [--plain] [--events auto|kernel|polling] [-d SECONDS] [--record FILE] [--] CMD [ARGS...]
  Starts CMD under the dashboard, scoped to it from its first instant: its processes, their
  events (fork, exec, exit with status, zombie, reap, orphaned and adopted), its output beside.
  q ends it (SIGTERM to its process group, then SIGKILL) and quits.
  --plain            no dashboard (also without a terminal): timestamped event lines interleaved
                     with the program's output; procview exits with the program's status
  -d SECONDS         full rescan interval (default 0.5; also --delay SECONDS)
  --record FILE      also write what is seen, and the program's output, to FILE (procview replay FILE)
{eventsHelp}`,
  'cli.help.runTitle': `procview run: start a program and watch its processes.`,
  'ui.look.plain': 'plain',
  'ui.look.reverse': 'reverse',
  'ui.look.bold': 'bold',
  'ui.look.underlined': 'underlined',
  'ui.look.fg': '{colour}',
  'ui.look.bg': 'on {colour}',
  'ui.colour.black': 'black',
  'ui.colour.red': 'red',
  'ui.colour.green': 'green',
  'ui.colour.yellow': 'yellow',
  'ui.colour.blue': 'blue',
  'ui.colour.magenta': 'magenta',
  'ui.colour.cyan': 'cyan',
  'ui.colour.white': 'white',
  'ui.colour.grey': 'grey',
  'ui.setup.tree': 'Tree view at start (whole system)',
  'ui.setup.colour': 'Colour (NO_COLOR still turns it off)',
  'ui.setup.refresh': 'Refresh every',
  'ui.setup.seconds': '{seconds} s',
  'ui.setup.column': 'Column {column}',
  'ui.setup.heading': 'Setup (saved when you close it)',
  'ui.setup.keys': '↑↓ choose · Space/Enter/→ change · ← back · Esc or F2 saves and closes',
  'ui.setup.file': 'Colour and refresh apply at the next start; columns at once. File: {path}',
  'cli.events.watching': 'watching; {source}',
  'cli.events.lost': '{count} events lost (the kernel dropped them; rescanned)',
  'cli.run.header': '{command} ({source}; procview pid {pid})',
  'cli.run.kin': '{pid} ({name}) comes from the program (inferred: its environment holds {entry}, which procview gave the program and fork and exec pass on)',
  'cli.run.notWaiting': 'not waiting for {pids} (still running, left behind by the program)',
  'cli.run.notWaitingStopped': 'not waiting for {pids} (stopped, left behind by the program: kill -CONT resumes, kill -KILL ends it)',
  'cli.run.notWaitingTraced': 'not waiting for {pids} (held by a tracer, left behind by the program: it runs again when the tracer lets it)',
  'cli.run.notWaitingReap': 'not waiting for {pids} to be reaped (zombies: their parent has not called wait() yet)',
  'cli.help.chatServer': `procview chat server: run the UDP chat room.

Options:
  --host ADDR                 address to listen on (default {host}; 0.0.0.0 opens it to the network)
  --port N                    UDP port (default {port}; 0 picks a free one)
  --lang en|zh                wording of the room (default: PROCVIEW_LANG, else LC_ALL / LC_MESSAGES / LANG:
                              zh_* means zh, anything else en)
  --burst N                   flood control: messages a sender may send at once (default {burst})
  --rate N                    flood control: messages per second after the burst (default {rate})
  --max-members N             members in the room at most (default {maxMembers})
  --max-per-address N         members from one source address at most (default {maxPerAddress};
                              an IPv6 /64 counts as one address)
  --logins-per-minute N       login attempts one unknown address may make per minute, at once or
                              spread out (default {logins}; all unknown addresses together: {factor} times
                              that); past it an address is told once, then ignored until it slows down
  --heartbeat-timeout SECONDS drop our clients silent this long (default {heartbeatTimeout}; 0 never)
  --idle-timeout SECONDS      drop any member silent this long, classic clients too (default 0: never)
  --admin-socket PATH         admin socket (default $XDG_RUNTIME_DIR or /tmp, procview-UID/chat-PORT.sock)
  --lifeline-fd FD            close the room when the pipe or socket inherited on FD reaches its end,
                              i.e. when whoever holds the other end dies (procview --watch chat uses 3)
  --quiet                     do not print the room's lines

The first line printed is \`listening on HOST:PORT\` (the real port when --port 0),
the second \`admin socket: PATH\`; then each line the room broadcasts.
Lines typed into this terminal are broadcast as the admin, and so are
\`procview chat say TEXT\` from another terminal. Ctrl-C (or SIGTERM) tells
everyone the room is closing and exits 0.

Processes: \`procview chat-server HOST:PORT\` and its child \`procview chat-admin HOST:PORT\`,
which reads the terminal and the admin socket and reaches the server over IPC only.

Hardening: a name is bound to the address and port it logged in from; strangers'
junk gets no answer; messages are flood-controlled per member; members and login
attempts are capped per source address (above). What remains: UDP source addresses
can be forged and the classic protocol has no handshake to prove them, so someone
who can forge them can still log in up to --max-per-address members for any victim
address (up to --max-members in all), and each such member is sent every line of
the room. Classic members are not dropped for silence unless --idle-timeout is set,
so a victim keeps receiving until the room closes. The default bind (127.0.0.1) is
reachable from this machine only; with --host 0.0.0.0, keep the room small, set
--idle-timeout, or let a firewall admit only the hosts you trust.`,
  'cli.help.chatClient': `procview chat client: join a chat room (default {host} {port}).

Usage: procview chat client [HOST] [PORT] [--name NAME] [--lang en|zh] [--heartbeat SECONDS]

Asks for a name until the server says OK (--name tries NAME first), then runs as
two processes like the classic client: \`procview chat-client NAME HOST:PORT\`
receives and prints, its child \`procview chat-input NAME HOST:PORT\` reads the
keyboard and sends (HOST:PORT is the server's, so \`procview --watch chat:PORT\`
tells rooms apart; the parent's title drops it when its own command line is too
short to hold it). The UDP socket is handed to the child over the fork IPC
channel (a real handle: the same kernel socket and source port), and the child
stops reading its copy so that only the parent receives.
Type \`quit\`, press Ctrl-C or end the input (Ctrl-D) to leave.

  --heartbeat SECONDS   how often to tell the server we are alive (default {heartbeat}; 0 never)`,
  'cli.help.chatSay': `procview chat say: speak as the admin of a running room.

Usage: procview chat say TEXT... [--port N] [--admin-socket PATH]

Connects to the admin's Unix socket of the server on port N (default {port});
everyone in the room gets \`admin says: TEXT\`. Only the user who runs the server can.`,
  'cli.help.chat': `procview chat: a UDP chat room whose processes procview can watch.

{usage}

Protocol (UDP datagrams of UTF-8 text, compatible with the classic lesson):
  L NAME        log in              → OK, or the reason it was refused
  C NAME TEXT   say TEXT            → everyone else gets \`NAME says: TEXT\`
  Q NAME        quit                → EXIT; everyone else gets \`NAME left the room\`
  H NAME        heartbeat (ours)    → H (procview's server only)

Run \`procview chat server --help\` (client, say) for the options of each.`,
  'ui.signal.word.HUP': 'hang up (its terminal went away)',
  'ui.signal.word.INT': 'interrupt, as Ctrl-C does',
  'ui.signal.word.QUIT': 'quit with a core dump, as Ctrl-\\ does',
  'ui.signal.word.KILL': 'end it now (cannot be caught)',
  'ui.signal.word.USR1': 'user-defined 1',
  'ui.signal.word.USR2': 'user-defined 2',
  'ui.signal.word.TERM': 'ask it to terminate',
  'ui.signal.word.CHLD': 'a child changed state',
  'ui.signal.word.CONT': 'let a stopped process go on',
  'ui.signal.word.STOP': 'stop it (cannot be caught) → T',
  'ui.signal.word.TSTP': 'stop, as Ctrl-Z does (can be caught)',
  'ui.signal.word.WINCH': 'its terminal changed size',
  'demo.problem.interrupted': 'interrupted before the lesson was complete',
  'demo.problem.unexpected': 'unexpected error: {why}',
  'demo.problem.cleanup': 'cleanup: {why}',
  'demo.problem.survivors': 'still running after cleanup: pid {pids}',
  'demo.problem.notObserved': 'not observed within {seconds} s: {what}',
  'demo.problem.leftBut': 'pid {pid} left the process table, but {why}',
  'cli.help.record': `Usage: procview record FILE [--watch PID|NAME] [-d SECONDS] [--duration SECONDS] [--events MODE]
  FILE               where to write (never overwritten); replay it with procview replay FILE
  --watch PID        the replay follows that process and its descendants (the whole table is kept)
  --watch NAME       ... or the processes whose name or command line contains NAME
  -d SECONDS         full rescan interval (default 1; also --delay SECONDS)
  --duration SECONDS stop after this long (default: until Ctrl-C)
{eventsHelp}
Also: procview demo NAME --record FILE, procview run --record FILE -- CMD.`,
  'cli.help.recordTitle': `procview record: record the process table and its events to a file.`,
  'cli.help.replay': `Usage: procview replay FILE [--plain | --json] [-M|--no-color]
  FILE               a recording made by procview record, or by --record on demo and run
  --plain            print the narration and event lines (the default when stdout is not a terminal)
  --json             NDJSON: a "recording" line (the header), then one line per frame, event and note
  -M, --no-color     monochrome dashboard
Keys in the dashboard: space pause, ← → one frame, [ ] slower/faster (¼× … 16×), g go to a time,
z next zombie, o next orphaning, q quit. Signals and renice are off: it is a recording.`,
  'cli.help.replayTitle': `procview replay: play a recording back.`,
  'cli.error.eventsMode': "--events must be auto, kernel or polling, not '{value}'",
  'cli.error.recordFile': 'record needs a FILE to write',
  'cli.error.oneFile': 'one FILE only (also got {extra})',
  'cli.error.noPid': 'no process with pid {pid}',
  'cli.error.noPidUpper': 'no process with PID {pid}',
  'cli.error.cannotWrite': 'cannot write {file}: {why}',
  'cli.error.serveMetrics': 'serve needs --metrics (the one thing it serves)',
  'cli.error.listen': "--listen needs HOST:PORT with an IP address (IPv6 in brackets), not '{value}'",
  'cli.error.watchOnce': '--watch can be given once',
  'cli.error.inUse': '{where} is already in use',
  'cli.error.cannotListen': 'cannot listen on {where}: {why}',
  'cli.error.stopped': 'stopped: {why}',
  'cli.error.lifelineNotOpen': '--lifeline-fd {fd} is not an open file descriptor',
  'cli.error.lifelineKind': '--lifeline-fd {fd} is not a pipe or socket',
  'cli.error.chatNeeds': 'chat needs server, client or say',
  'cli.error.chatUnknown': "unknown chat command '{sub}'",
  'cli.error.portInUse': 'cannot listen on {where}: the port is in use',
  'cli.error.chatServer': 'cannot start the chat server on {where}: {why}',
  'cli.error.tooMany': 'too many arguments: {extra}',
  'cli.error.sayText': 'say needs the text to say',
  'cli.watch.pidOrName': 'a PID or a NAME',
  'cli.error.replayFile': 'replay needs the FILE of a recording',
  'cli.error.plainOrJson': '--plain or --json, not both',
  'cli.error.chatPort': '--watch chat:PORT needs a port 1..65535, not {port}',
  'cli.error.runCommand': 'run needs a command to start',
  'cli.error.psFormat': "unknown format '{format}' (expected {formats})",
  'cli.or': ' or ',
  'cli.watch.chatPidOrName': 'chat, a PID or a NAME',
  'demo.check.noNewParent': 'pid {pid} was not seen with a new parent (its parent is {parent})',
  'demo.watch.exits': 'the {who} exits',
  'demo.watch.threeGenerations': 'three generations',
  'demo.check.zombiesLeft': 'zombies of this lesson: {pids}',
  'demo.check.stillChildren': 'the parent still has children: {pids}',
  'demo.watch.grandAdopted': 'the grandchild adopted',
  'demo.watch.fiveChildren': 'all five children running under the parent',
  'demo.check.exitReported': 'child {pid} ({way}) reported code {code} signal {signal}',
  'demo.check.noField': "'{kind}' message from pid {pid} has no {field}",
  'demo.watch.parentAndChild': 'parent and child both in the process table',
  'demo.check.childPpid': "the child's PPID was {ppid}, not the parent's PID {parent}",
  'demo.check.parentPpid': "the parent's PPID was {ppid}, not procview's PID",
  'demo.check.counters': 'the counters did not show separate memory',
  'demo.check.noMessage': "no '{kinds}' message from the lesson's processes within {seconds} s",
  'demo.check.over': 'the lesson is already over',
  'demo.check.reniceFailed': 'renice to 10 failed: {why}',
  'demo.watch.loops': 'every loop with its nice value',
  'demo.check.noDifference': 'nice 0 got {plain}% and nice 10 {nicer}%: no visible difference',
  'demo.watch.lowered': 'the lowered nice value',
  'demo.check.lowerFailed': 'lowering nice failed unexpectedly: {code}',
  'demo.watch.refusedLoop': 'the refused loop',
  'demo.check.afterRefusal': 'after the refusal pid {pid} shows NI {nice}, not {expected}',
  'demo.watch.loopsGone': 'the parent and its loops gone',
  'demo.watch.childUnderParent': 'the child under its parent',
  'demo.watch.parentGone': 'the parent {parent} to be gone or a zombie',
  'demo.check.getppid': "the child's getppid() ({got}) disagrees with the process table ({table})",
  'demo.watch.newParent': 'the child gets a new parent',
  'demo.check.reniceSleeper': 'could not renice the sleeping child',
  'demo.watch.rss': 'R, S and S with N',
  'demo.watch.stopped': 'the stopped child',
  'demo.watch.continued': 'the continued child',
  'demo.watch.zombieChild': 'the zombie child',
  'demo.check.zombieParent': "the zombie's parent was {ppid}",
  'demo.watch.childrenGone': 'the parent and its children gone',
  'demo.watch.firstServer': 'the first server',
  'demo.check.noStale': 'the killed server left no socket file behind at {path}',
  'demo.check.notRemoved': 'the new server did not remove the stale file: {why}',
  'demo.check.fileType': "the server's file has type {type}, not s",
  'demo.check.stillStale': '{path} is still the stale file (inode {inode}, same change time)',
  'demo.watch.serverClient': 'server and client',
  'demo.check.replies': 'the client counted {replies} replies, not {expected}',
  'demo.check.stillExists': '{path} still exists after the server closed',
  'demo.watch.parentChild': 'parent and child',
  'demo.check.childPpidNot': "the child's PPID was {ppid}, not {parent}",
  'demo.watch.childEnds': 'the child ends',
  'demo.check.waitPid': 'the wait returned pid {got}, not {expected}',
  'demo.check.waitStatus': 'the wait returned status {got}, not {expected}',
  'demo.watch.threeRunning': 'three children running',
  'demo.watch.threeCollected': 'all three children collected',
  'demo.check.reapedBy': 'child {pid} left the table, but the inspector saw it reaped by {by}',
  'demo.check.atLook': '{pid} at look {look}',
  'demo.check.order': 'the children left the table out of their planned order: {looks}',
  'demo.check.endedWith': 'child {pid} ended with {got}, not {expected}',
  'demo.check.noWork': 'the parent did no work between two children ending',
  'demo.check.reportedOrder': 'the parent reported the children in the order {order}, which the table contradicts',
  'demo.watch.childInTable': 'the child in the process table',
  'demo.watch.zombieUnderParent': 'the child as a zombie under its live parent',
  'demo.check.zombiePpid': "the zombie's PPID was {ppid}, not the parent {parent}",
  'demo.watch.zombieStill': 'the zombie still there',
  'demo.check.noLongerZombie': 'the child was no longer a zombie after the hold (STAT {stat})',
  'ui.chart.procs': 'procs',
  'ui.chart.zombies': 'zombies',
  // A recording's reader and writer (src/record/): why a file is refused, in words.
  'record.damaged': 'the recording is damaged: {what}',
  'record.damagedRecord': 'the recording is damaged: record {number} (byte {offset}) — {why}',
  'record.empty': 'the file is empty (nothing was recorded)',
  'record.foreign': 'not a procview recording (it does not start with PVRECORD)',
  'record.shortPreamble': 'the file ends inside its first 12 bytes (nothing was recorded)',
  'record.newer':
    'recorded in format version {version}, newer than this procview reads ({supported}): update procview (or the file is damaged, if no procview wrote that version)',
  'record.version0': 'format version 0 is not a version procview ever wrote',
  'record.reserved': 'bytes 10-11 (reserved) are not zero',
  'record.notHead': 'its head is not a record head',
  'record.lengthWrong': 'it claims {length} bytes, more than the file has, yet a whole record follows at byte {next}: its length is wrong',
  'record.checksum': 'its checksum does not match',
  'record.notJson': '{what} is not JSON',
  'record.theHeader': 'the header',
  'record.aNote': 'a note',
  'record.noTime': 'the record at byte {offset} has no time a clock can show',
  'record.headerFirst': 'it does not begin with its header',
  'record.deltaFirst': 'a frame comes before any whole table',
  'record.noteShape': 'a note has no text or no pane',
  'record.secondHeader': 'a second header',
  'record.noHeader': 'the recording ends before its header is complete (nothing was recorded)',
  'record.atFrame': '{why} (reading frame {number} of {count}, +{seconds} s)',
  'record.frameUnpack': 'the frame at byte {offset} does not unpack',
  'record.frameNoTable': 'the frame at byte {offset} has no table',
  'record.headerShape': 'its header record is not a procview header',
  'record.headerField': 'a field of its header has the wrong type',
  'record.procShape': 'a process record is not an array starting with its pid',
  'record.procField': 'field {field} of process {pid} has the wrong type or value',
  'record.eventShape': 'an event has no kind, pid or time',
  'record.eventField': 'the {field} of a {kind} event has the wrong type',
  'record.frameField': 'a field of the frame at byte {offset} has the wrong type',
  'record.cannotRead': 'cannot read {file}: {why}',
  'record.readDirectory': 'cannot read {file}: it is a directory, not a recording',
  'record.readDevice': 'cannot read {file}: it is a device or socket, not a recording',
  'record.isDirectory': '{file} is a directory: a recording never overwrites a file (give the name of a new file)',
  'record.exists': '{file} exists: a recording never overwrites a file (give the name of a new file)',
  'record.cannotCreate': 'cannot create {file}: {why}',
  'record.noDirectory': 'no such directory (ENOENT)',
  'record.noNewFiles': 'its directory takes no new files (ENOENT: a file system the kernel makes, such as /proc)',
  // What a failed open, read or write means (the errno name is kept after it, for a search).
  'file.problem': '{words} ({code})',
  'file.ENOENT': 'no such file or directory',
  'file.ENOTDIR': 'a part of the path is not a directory',
  'file.EISDIR': 'it is a directory',
  'file.EACCES': 'permission denied',
  'file.EPERM': 'not permitted',
  'file.EROFS': 'the file system is read-only',
  'file.ENOSPC': 'the disk is full',
  'file.EDQUOT': 'the disk quota is used up',
  'file.EFBIG': 'the file is too large for its file system',
  'file.ENAMETOOLONG': 'the name is too long',
  'file.ELOOP': 'too many symbolic links',
  'file.EIO': 'an input/output error',
  'file.ERR_FS_FILE_TOO_LARGE': 'the file is larger than procview can read at once (2 GiB)',
  // procview record / replay, and the other writers of a recording.
  // What a view follows (the dashboard's scope, and a recording's, kept in its header as written).
  'cli.scope.all': 'all processes',
  'cli.scope.pids': 'pid {pids} and descendants',
  'cli.scope.name': 'processes matching "{pattern}" and descendants',
  'cli.scope.chat': 'chat room {address}',
  'cli.record.recording': 'recording {what} to {file} ({source}); {until}',
  'cli.record.untilCtrlC': 'Ctrl-C stops',
  'cli.record.forSeconds': 'for {seconds} s',
  'cli.record.done': '{frames} frames, {bytes} bytes in {file}',
  'cli.record.stopsHere': '{why}; the recording stops here',
  'cli.record.lessonUnrecorded': '{why}; the lesson goes on unrecorded',
  'cli.record.noteFailure': 'recording: {why}',
  'cli.replay.describe': '{label}, recorded {time}{on} by procview {version}: {frames} frames over {seconds} s{cut}',
  'cli.replay.on': ' on {where}',
  'cli.replay.cut': '; the file was cut off mid-write, replayed up to its last whole frame',
  'cli.replay.cannotDraw': '{why}; printing the recording as text (--plain)',
  'cli.replay.end': 'end of the recording ({time} local time)',
  'cli.replay.pane.lesson': 'lesson',
  'cli.replay.pane.chat': 'chat',
  'cli.replay.pane.output': 'output',
  'cli.cannotDraw.notTerminal': 'stdout is not a terminal',
  'cli.cannotDraw.dumb': 'TERM=dumb: this terminal cannot move the cursor',
  'cli.error.needsTerminal': 'the dashboard needs a terminal ({why}).\nFor plain output, try: procview ps   (or procview tree, --json)',
  // The replay dashboard (src/ui/replay.ts).
  'ui.replay.noControl': 'replay: signals and renice are off — these are recorded processes, not live ones',
  'ui.replay.side.lesson': 'Lesson: {label}',
  'ui.replay.side.chat': 'Chat room: {label}',
  'ui.replay.side.output': 'Program output: {label}',
  'ui.replay.recorded': 'recorded; {words}',
  'ui.replay.damaged': '{why}; replay stopped at frame {number}',
  'ui.replay.end': 'end of the recording (← → step, g go to a time, q quits)',
  'ui.replay.zombie': 'zombie',
  'ui.replay.orphaning': 'orphaning',
  'ui.replay.noneBeforeDamage': 'no {what} found before the damage: {why}',
  'ui.replay.noneAfter': 'no {what} after this point',
  'ui.replay.found': '{what}: pid {pid} ({comm}) at +{at} — paused',
  'ui.replay.goToPrompt': 'go to: {typed}_   (seconds, m:ss or h:mm:ss from the start; Enter goes, Esc cancels)',
  'ui.replay.goToCancelled': 'go to: cancelled',
  'ui.replay.goToBad': 'go to: not a time (try 90, 1:30 or 1:02:03)',
  'ui.replay.at': 'at +{at} — paused (space plays)',
  'ui.replay.playing': 'playing',
  'ui.replay.paused': 'paused (space plays, ← → step)',
  'ui.replay.stepped': 'paused; ← → one frame',
  'ui.replay.timeline': 'replay {state} {speed} {at}/{length} frame {frame}/{frames}',
  'ui.replay.recordingStopped': 'recording stopped: {why}',
  // The F2 settings file (src/ui/settings-file.ts, model/settings.ts).
  'ui.settings.cannotRead': 'cannot read it ({why})',
  'ui.settings.notJson': 'not valid JSON ({why})',
  'ui.settings.notObject': 'not a JSON object',
  'ui.settings.bool': '{key} should be true or false',
  'ui.settings.interval': 'intervalMs should be milliseconds from 100 to 3600000',
  'ui.settings.columns': 'hiddenColumns should list some of {columns}',
  'ui.settings.separator': '; ',
  'ui.settings.notUsed': 'settings file {path} not used ({problem}); defaults in effect, F2 saves new ones',
  'ui.settings.saved': 'settings saved to {path}',
  'ui.settings.notSaved': 'could not save the settings to {path}: {why}',
  // Why kernel events cannot be had (src/inspect/events/kernel-source.ts, choose.ts).
  'event.kernel.noModule':
    "kernel events not built (no C compiler at install time): install gcc and make, then run `node scripts/build-native.mjs` in procview's directory",
  'event.kernel.notLinux': 'kernel process events exist only on Linux',
  'event.kernel.notPermitted': 'kernel events need root (CAP_NET_ADMIN): run procview with sudo',
  'event.kernel.otherNamespace': "kernel events answer only in the host's user, PID and network namespaces (not in this container)",
  'event.kernel.unsupported': 'this kernel has no process events connector (CONFIG_PROC_EVENTS)',
  'event.kernel.unsupportedCode': 'this kernel has no process events connector (CONFIG_PROC_EVENTS) ({code})',
  'event.kernel.unsupportedAnswer': 'this kernel has no process events connector (CONFIG_PROC_EVENTS) (the kernel answered error {errno})',
  'event.kernel.disabled': 'kernel events turned off (PROCVIEW_EVENTS=polling)',
  'event.kernel.aborted': 'kernel events not opened: aborted',
  'event.kernel.otherVersion': 'kernel events addon is from another procview version: reinstall procview',
  'cli.error.eventsEnv': "PROCVIEW_EVENTS must be auto, kernel or polling, not '{value}'",
  // The chat client, and the dashboard's chat room (--watch chat).
  'chat.client.cannotResolve': 'cannot resolve host {host}',
  'ui.chat.startFailed': '--watch chat: {why}',
  'ui.chat.exitedAtOnce': 'started a chat server on port {port}, but it exited at once (code {code}; is the port in use?)',
  'ui.chat.didNotShow': 'started a chat server on port {port}, but it did not show up within {seconds} s',
  'ui.chat.noAdmin': 'cannot reach the admin socket of the chat server on port {port}: {why}',
  'ui.chat.noAnswer': 'no answer',
  'ui.chat.found': 'Found the chat server {address} (pid {pid}). i speaks as the admin.',
  'ui.chat.started': 'Started the chat server {address} (pid {pid}). i speaks as the admin.',
  'ui.chat.adminClosed': 'The chat server closed the admin connection (server stopped?).',
  'ui.chat.said': 'said in the room as the admin',
  'ui.chat.cannotSay': 'could not say that: {why}',
  // The dashboard's status-line answers to a key (model/keys.ts, selection.ts, screen.ts) and run.ts's own lines.
  'ui.pane.moreAbove': '… more above: PgUp',
  'ui.msg.sortedBy': 'sorted by {column}',
  'ui.msg.kernelShown': 'kernel threads shown',
  'ui.msg.kernelHidden': 'kernel threads hidden (still counted)',
  'ui.msg.noThreads': 'procview lists processes, not their threads: THR counts them',
  'ui.msg.sideHidden': 'side column hidden (v shows it)',
  'ui.msg.sideShown': 'side column shown',
  'ui.msg.followOff': 'follow off',
  'ui.msg.nothingToFollow': 'nothing to follow',
  'ui.msg.following': 'following {pid}',
  'ui.msg.followGone': '{pid} is gone; follow ended',
  'ui.msg.paused': 'paused (space resumes)',
  'ui.msg.resumed': 'resumed',
  'ui.msg.noneSelected': 'no process selected',
  'ui.msg.alreadyExited': '{pid} has already exited',
  'ui.msg.cleaningUp': 'cleaning up…',
  'ui.msg.noChat': 'no chat room here',
  'ui.msg.refreshFailed': 'refresh failed: {why}',
  'ui.meter.mem': 'Mem',
  'ui.meter.swap': 'Swp',
  'cli.scope.demo': 'demo {name}',
  'cli.scope.run': 'run {command}',
  // procview chat server's own lines on stderr (the room's lines are chat.*).
  'cli.chat.typeToSpeak': 'type a line and press Enter to speak as the admin; Ctrl-C closes the room',
  'cli.chat.lifelineBad': '{why}; the room closes now',
  'cli.chat.starterGone': 'the process that started this room has ended; closing the room',
  'cli.chat.closed': 'the room is closed',
  // The chat server's admin channel, its private directory and its log (stderr and --watch chat).
  'chat.admin.noServer': 'no procview chat server is running on port {port} (no admin socket answers at {path})',
  'chat.admin.notAllowed': 'not allowed to speak as the admin of the chat server on port {port}: {path} belongs to someone else',
  'chat.admin.cannotReach': "cannot reach the chat server's admin at {path}: {why}",
  'chat.admin.closedByServer': 'the chat server closed the admin connection',
  'chat.admin.closed': 'the admin connection is closed',
  'chat.admin.noAnswer': 'the chat server did not answer',
  'chat.admin.live': 'another chat server already answers at {path}',
  'chat.admin.foreign': 'refusing to use the admin socket path: {why}',
  'chat.admin.channel': 'admin channel: {why}',
  'chat.admin.ended': 'the admin process ended ({how}); the room goes on without it',
  'chat.admin.code': 'code {code}',
  'chat.admin.notStarted': 'could not start the chat server',
  'chat.dir.notDirectory': 'refusing to use {dir}: it is not a directory',
  'chat.dir.owner': 'refusing to use {dir}: it belongs to uid {owner}, not to you (uid {uid})',
  'chat.dir.mode': 'refusing to use {dir}: its mode is {mode}, it must be 0700',
  'chat.log.dropping': 'the log is not being read: room lines are dropped until it is',
  // Why a Unix socket's file is not ours to remove (sockets/stale-socket.ts).
  'socket.symlink': '{path} is a symbolic link, not a socket',
  'socket.notSocket': "{path} is not a socket (ls -l type '{type}')",
  'socket.owner': '{path} belongs to uid {owner}, not to uid {uid}',
  'socket.cannotLstat': 'cannot lstat {path} ({code})',
  'socket.changed': '{path} changed while it was checked',
  // procview serve's warnings on stderr.
  'cli.serve.scanFailed': 'scan failed',
  'cli.serve.scrapeFailed': 'scrape failed',
  'cli.serve.exposed': 'listening beyond this machine: anyone who can reach it can read these metrics (no authentication)',
  // What a lesson's own processes say (demos/children/: they get the lesson's language through PROCVIEW_LANG).
  'demo.socket.clientLine': 'hello #{n} from client pid {pid}',
  'demo.socket.serverReply': 'got "{line}" (server pid {pid})',
  'demo.socket.willNotRemove': 'will not remove {why}',
  'demo.exit.childMessage': 'cannot open settings.conf',
  // A program that could not be started (process/program.ts, a lesson's script).
  'process.couldNotStart': 'could not start {command}',
  'process.lifelineBad': 'cannot watch lifeline fd {fd}: it is not an open pipe or socket ({reason})',
  // Signals and renice for library users (inspect/process-control.ts; the dashboard's are control.*).
  'control.couldSignal': 'it could be signalled',
  'control.niceRange': 'refused: nice {nice} is not a whole number from {min} to {max}',
  'inspect.psFailed': 'ps failed: {why}',
  'record.noFrame': 'no frame {index} (the recording has {count})',
  'chat.admin.badPort': 'not a UDP port: {port}',
  'chat.admin.noAnswerAt': "the chat server's admin at {path} did not answer",
  'chat.admin.closedAt': "the chat server's admin at {path} closed the connection",
  'chat.admin.didNotStart': 'the admin process did not start',
  'chat.admin.endedAtStart': 'the admin process ended at start ({how})',
  'chat.admin.noCode': 'no exit code',
  'cli.serve.scanThreadEnded': 'the scanning thread ended (exit code {code})',
  // procview serve --group NAME=REGEX: what is wrong with one.
  'cli.serve.group.noEquals': "--group needs NAME=REGEX, not '{text}'",
  'cli.serve.group.badName': "--group name '{name}' must be 1 to 64 letters, digits, or . _ : -",
  'cli.serve.group.noRegex': "--group {name} needs a regular expression after '='",
  'cli.serve.group.badRegex': '--group {name}: invalid regular expression: {why}',
  'cli.serve.group.tooMany': 'at most {max} --group options',
  'cli.serve.group.twice': '--group {name} is given twice',
} as const;

export type MessageId = keyof typeof EN;
