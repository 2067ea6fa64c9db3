// 中文目录：与 en.ts 的 id 一一对应，占位符 `{name}` 相同（见目录测试）。
// 术语依照中文 Linux 课程与 man-pages-zh：进程、父进程、子进程、孤儿进程、
// 僵尸进程、收养、回收、进程组、会话、会话首进程、前台进程组、nice 值……
// 标识符（waitpid、WNOHANG、SIGCHLD、PR_SET_CHILD_SUBREAPER）保持原样。
// The chat room's lines are the wording of the original lesson (issue 4),
// byte for byte: note `说:` with an ASCII colon and no space, and no space
// before `退出了聊天室`.
import type { MessageId } from './en.js';

export const ZH: Readonly<Record<MessageId, string>> = {
  'chat.adminName': '管理员',
  'chat.nameTaken': '该用户已存在',
  'chat.nameEmpty': '用户名不能为空',
  'chat.nameBadChars': '用户名不能包含空格或控制字符',
  'chat.nameTooLong': '用户名最多{max}个字符',
  'chat.nameReserved': '该用户名保留给管理员',
  'chat.roomFull': '聊天室已满',
  'chat.tooManyFromAddress': '来自你的地址的用户太多（最多 {max} 个）',
  'chat.tooManyLogins': '来自你的地址的登录尝试太多：请一分钟后再试',
  'chat.alreadyIn': '你已经以 {name} 的身份在聊天室中',
  'chat.join': '欢迎 {name} 进入聊天室',
  'chat.says': '{name} 说:{text}',
  'chat.leave': '{name}退出了聊天室',
  'chat.closing': '聊天室关闭了',
  'chat.flood': '消息太多：请放慢速度，多余的消息已被丢弃',
  'chat.errorUnknownVerb': '错误：未知命令（请用 L、C 或 Q）',
  'chat.errorMissingField': '错误：缺少用户名或内容',
  'chat.errorEmptyDatagram': '错误：空数据报',
  'chat.errorEmptyMessage': '错误：空消息',
  'chat.errorInvalidUtf8': '错误：不是有效的 UTF-8',
  'chat.errorTooLong': '错误：消息太长（最多 {max} 字节）',
  'chat.client.prompt': '请输入用户名: ',
  'chat.client.joined': '你已进入聊天室({name})。输入消息后回车发送；输入 quit（或按 Ctrl-C）退出。',
  'chat.client.left': '你已退出聊天室',
  'chat.client.noAnswer': '{where} 没有回应：那里运行 `procview chat server` 了吗？',
  'chat.client.serverSilent': '服务器已有 {seconds} 秒没有回应，它似乎已停止；退出',
  'chat.client.noName': '没有输入用户名',
  'chat.client.tooLong': '未发送：消息最多 {max} 字节',
  'demo.observed': '观察到：pid {pid}，ppid {ppid}，STAT {stat}：{note}',
  'demo.stderr': '（课程进程的 stderr）{line}',
  'demo.goneBut': '已从进程表中消失，但{why}',
  'demo.reaperUnseen': '检查器没有看到是谁回收了它（应为 {reaper}）',
  'demo.reaperOther': '检查器看到它被 {by} 回收，而不是 {reaper}',
  'demo.interrupted': '已中断：正在结束本课的所有进程。',
  'demo.cleanupChecked': '已用检查器核对清理结果：本课的进程没有一个还在运行。',
  'demo.exit.shell': '，shell 中 $? 会显示为 {status}',
  'demo.exit.killed': '被 {signal} 杀死：WIFSIGNALED，WTERMSIG = {number}{shell}',
  'demo.exit.exited': '以退出状态 {code} 退出：WIFEXITED，WEXITSTATUS = {code}',
  'demo.unknownProcess': '一个未知进程',
  'demo.seconds': '{seconds} 秒',
  'demo.adopter.init1': '收养者是 1 号进程 {who}：没有哪个祖先进程把自己声明为 subreaper，所以内核把这个孤儿进程交给了 init。',
  'demo.adopter.init2':
    '在桌面或服务器上，1 号进程是 systemd（或别的 init）；在容器里，它是容器最先启动的那个程序（tini、docker-init、某个 shell 或应用本身），这个程序也就承担了 init 回收孤儿进程的职责。如果容器的 1 号进程从不调用 wait()，容器里就会慢慢堆满僵尸进程。',
  'demo.adopter.self1':
    '收养者是 procview 自己（{who}）：启动它的程序先用 prctl(PR_SET_CHILD_SUBREAPER, 1) 把自己标记为 child subreaper，再 exec 成 procview，而这个标记在 exec 之后依然保留。所以 procview 后代中的孤儿进程会交给 procview，而不是 init。/proc 里看不到这个标记；这次更换父进程就是证据。',
  'demo.adopter.self2':
    'subreaper 承担了 init 的职责：它必须对收养来的进程调用 wait()，tini 和 systemd 就是用 waitpid(-1) 循环来做的。procview 运行在 Node.js 上，只能等待自己启动的子进程，所以它无法回收这一个。',
  'demo.adopter.ancestry': '（procview 的一个祖先进程）',
  'demo.adopter.other1':
    '收养者是 {who}{ancestry}，而不是 1 号进程：它用 prctl(PR_SET_CHILD_SUBREAPER, 1) 把自己标记为 child subreaper，所以它后代中的孤儿进程会交给它，而不是 init。/proc 里看不到这个标记；这次更换父进程就是证据。',
  'demo.adopter.other2':
    'systemd --user 为登录会话这样做，容器运行时（containerd-shim、tini -s、podman 的 conmon）也这样做，好让孤儿进程留在各自的会话或容器之内。',
  'demo.adopted.orphan': '孤儿进程',
  'demo.adopted.grandchild': '孙进程',
  'demo.adopted.goneUnseen': '{who}已退出并离开进程表（没有看到是谁回收了它）',
  'demo.adopted.goneBy': '{who}已退出，在 procview 再次查看之前，收养它的 {adopter} 已经把它回收了',
  'demo.adopted.zombie': '{who}已退出：在收养者 {adopter} 调用 wait() 之前，它是一个僵尸进程',
  'demo.adopted.selfZombie':
    '这个收养者就是 procview 自己，而它无法对不是自己启动的进程调用 wait()。这个僵尸进程会一直留到 procview 退出；那时它会再次成为孤儿进程，由下一个收养者（1 号进程或更上层的 subreaper）回收。一个不尽职的 subreaper 就是这个样子。',
  'demo.adopted.lazy':
    '过了 {waited}，{adopter} 仍然没有回收它：这个收养者回收得很慢。这个僵尸进程该由它来回收，并不是本课泄漏的：进程已经退出，不占内存，只在调用 wait() 之前占着进程表中的一个位置。',
  'demo.adopted.zombieGoneUnseen': '僵尸进程在 {waited} 内离开了进程表（没有看到是谁回收了它）',
  'demo.adopted.zombieReaped': '在 {waited} 内被收养者 {adopter} 回收',
  'demo.zombie.intro1':
    '进程退出时，内核会释放它的内存，但在进程表中保留它的表项（pid 和退出状态），直到父进程用 wait()/waitpid() 回收它。在那之前，它就是僵尸进程：STAT 为 Z，ps 显示为 "<defunct>"。',
  'demo.zombie.intro2':
    'Node 平时会替你回收子进程：libuv 捕获 SIGCHLD，并在事件循环中调用 waitpid()。所以这个父进程让自己的事件循环停下来：它的 JavaScript 卡在一个同步的 Atomics.wait() 循环里，就像一个忙于别的事、从不调用 wait() 的 C 程序。',
  'demo.zombie.started': '父进程 {parent}：已启动子进程 {child}，现在我的事件循环停了。',
  'demo.zombie.childRunning': '子进程，正在运行；它将在 {seconds} 秒后退出',
  'demo.zombie.seen': '僵尸进程：子进程已经退出，但它的父进程 {ppid} 还没有调用 waitpid()；ps 显示为 "[{comm}] <defunct>"',
  'demo.zombie.asleep': '在 Atomics.wait 中睡眠',
  'demo.zombie.parentAlive': '父进程还活着（{how}），但事件循环已停：没有人回收子进程',
  'demo.zombie.still': '{seconds} 秒后仍是僵尸进程：它不占内存也不占 CPU，只占进程表中的一个位置（这样的进程太多，fork() 就会失败）',
  'demo.zombie.release': '现在 procview 让父进程回到事件循环：libuv 处理挂起的 SIGCHLD 并调用 waitpid()。',
  'demo.zombie.reaped': '父进程：已回收子进程 {child}，它{exit}',
  'demo.zombie.gone': '被 {parent} 回收：僵尸进程已从进程表中消失',
  'demo.parentReapedByUs': '父进程已退出，它的父进程 procview 回收了它',
  'demo.noZombieLeft': '没有留下僵尸进程。',
  'demo.listSeparator': '，',
  'demo.parentExitedReaped': '父进程已退出；它的父进程 procview 回收了它',
  'demo.fork.intro1':
    '在 C 或 Python 中，fork() 会复制正在运行的进程：两个副本从同一处继续执行，变量相同，但内存各自独立；fork() 在父进程中返回子进程的 PID，在子进程中返回 0。',
  'demo.fork.intro2':
    'Node 没有单纯的 fork()。child_process.fork()/spawn() 会启动一个新的 Node 进程，从脚本的第一行开始运行（一步完成 fork + exec），所以什么也不会被复制：父进程要把子进程需要知道的东西交给它。这里父进程以 role=child 再次运行自己的脚本，role=child 相当于 fork() 的返回值。',
  'demo.fork.parentHello': '父进程：我是 pid {pid}，我的父进程是 {ppid}（procview）；counter = {counter}',
  'demo.fork.started': '父进程：已启动子进程 {child}，并交给它 counter = 1',
  'demo.fork.childHello': '子进程：我是 pid {pid}，我的父进程是 {ppid}；counter = {counter}',
  'demo.fork.order':
    '父进程和子进程输出的先后顺序并不固定：它们是两个独立的进程，由调度器随意安排运行（这里子进程通常排在后面，因为新的 Node 启动需要一点时间）。',
  'demo.fork.seeParent': '父进程；它的 PPID {ppid} 是启动它的 procview',
  'demo.fork.seeChild': '子进程；它的 PPID 就是父进程的 PID {parent}',
  'demo.fork.change': '现在子进程把自己的 counter 改为 42，然后父进程打印它自己的 counter。',
  'demo.fork.childCounter': '子进程：counter = {counter}',
  'demo.fork.parentCounter': '父进程：counter = {counter}',
  'demo.fork.separate':
    '内存是独立的：子进程写入的内容，父进程看不到。真正的 fork() 之后，子进程拥有父进程内存的写时复制（copy-on-write）副本；这里它从一开始就有自己的内存。无论哪种情况，进程之间要共享数据都必须通信（管道、套接字、消息）。',
  'demo.fork.childEnded': '父进程：子进程 {child} {exit}',
  'demo.fork.childGone': '子进程已消失：父进程回收了它',
  'demo.exit.intro1':
    '进程结束的方式有两种：调用 exit(status)，或者被信号杀死。父进程用 wait() 得知是哪一种：WIFEXITED + WEXITSTATUS 给出退出状态（0-255），WIFSIGNALED + WTERMSIG 给出信号编号。',
  'demo.exit.intro2': "Node 在子进程的 'exit' 事件中把同样的两项信息交给父进程：(code, signal)，两者中恰好有一个有值。",
  'demo.exit.plan': '{pid} 将以 {way} 结束',
  'demo.exit.started': '父进程 {parent} 启动了五个子进程：{plans}。',
  'demo.exit.alive': '将以 {way} 结束的子进程：还活着，是 {parent} 的子进程',
  'demo.exit.ending':
    '现在父进程让三个子进程退出：分别以 0、以 3、以及像 Python 的 sys.exit("message") 那样带一条消息退出（消息写到 stderr，状态为 1）；再向另外两个发送 SIGTERM 和 SIGKILL。SIGTERM 可以被捕获以便干净地关闭（这些子进程没有捕获）；SIGKILL 永远无法被捕获。',
  'demo.exit.status': '父进程：子进程 {pid}（{way}）{exit}',
  'demo.exit.gone': '以 {way} 结束的子进程已消失：父进程取走了它的状态',
  'demo.exit.parentGone': '父进程已消失：它的父进程 procview 回收了它',
  'demo.exit.ownWait': 'procview 自己对父进程 {parent} 的 wait：它{exit}。',
  'demo.orphan.intro':
    '每个进程都有父进程：子进程结束时父进程会收到通知（SIGCHLD），并且必须取走它的状态。如果父进程先于子进程退出，子进程就成了孤儿进程：内核把它交给最近的、声明为 "child subreaper" 的祖先进程，否则交给 1 号进程（init），之后由这个新的父进程回收它。',
  'demo.orphan.before': '子进程 {child}：getppid() 说我的父进程是 {ppid}',
  'demo.orphan.parent': '父进程',
  'demo.orphan.child': '子进程，在父进程 {parent} 之下运行',
  'demo.orphan.exits': '父进程 {parent} 现在退出，而它的子进程继续运行。',
  'demo.orphan.kindInit': '1 号进程（init）',
  'demo.orphan.kindSelf': 'procview 自己（一个 child subreaper）',
  'demo.orphan.kindSubreaper': '一个 child subreaper',
  'demo.orphan.adopted': '父进程更换 {from} → {to}：被{kind}收养，{adopter}',
  'demo.orphan.event': '（检查器的事件：成为孤儿进程，收养者 {adopter}）',
  'demo.orphan.parentReaped': '父进程已退出，它自己的父进程 procview 回收了它',
  'demo.orphan.after': '子进程 {child}：getppid() 现在返回 {to}（原来是 {from}）',
  'demo.orphan.over': '本课结束：procview 关闭孤儿进程监视的管道（它的 stdin），孤儿进程自行退出。现在必须由它的新父进程回收它。',
  'demo.doubleFork.intro1':
    '守护进程不应该一直是启动它的那个进程的子进程，启动者也不应该还得回收它。经典做法是 fork 两次：子进程 fork 出一个孙进程后立即退出；父进程马上回收子进程；孙进程此时成了孤儿进程，被 init（或某个 subreaper）收养，并去做实际的工作。',
  'demo.doubleFork.intro2':
    '在 C 中，子进程还会在两次 fork 之间调用 setsid()，以脱离终端所在的会话。本课本来就运行在自己的会话中（procview 用 setsid() 启动了它），所以孙进程会留在这个会话里：procview 之后就是靠这一点找到并结束它的。',
  'demo.doubleFork.generations': '父进程 {parent} → 子进程 {child} → 孙进程 {grand}（它启动时 getppid() 返回 {ppid}）',
  'demo.doubleFork.seeChild': '子进程，在父进程 {parent} 之下',
  'demo.doubleFork.seeGrand': '孙进程，在子进程 {child} 之下',
  'demo.doubleFork.wait': '在 C 中，子进程会在第二次 fork() 之后立即退出；这里它稍等片刻，好让你先看到这三代进程。',
  'demo.doubleFork.childExits': '子进程 {child}：孙进程已在运行，procview 也看到了它，所以我现在退出。',
  'demo.doubleFork.reaped': '父进程：已回收子进程 {child}，它{exit}；没有需要等待的了',
  'demo.doubleFork.childGone': '子进程已消失：被父进程 {parent} 回收，所以不会留下僵尸进程',
  'demo.doubleFork.adopted': '孙进程，被 {adopter} 收养：它的父进程既不是子进程，也不是原来的父进程',
  'demo.doubleFork.working': '孙进程 {grand}：正在工作（第 {units} 个单位），我的父进程现在是 {ppid}',
  'demo.doubleFork.parentAlone': '原来的父进程：没有剩下子进程，也没有需要回收的僵尸进程',
  'demo.doubleFork.over': '本课结束：procview 关闭孙进程监视的管道，孙进程自行退出。',
  'demo.wait.intro1':
    'wait() 让父进程睡眠，直到它的某个子进程结束，然后返回该子进程的 pid 和状态，并在同一步中把子进程从进程表中移除。调用 wait 的父进程不会留下僵尸进程。',
  'demo.wait.intro2':
    "在 Node 中，阻塞的写法是 child_process.spawnSync()：它启动子进程，直到子进程退出并被回收（libuv 在内部调用 waitpid()）之后才返回，并带回它的 pid 和状态。在此期间父进程不运行任何 JavaScript。（异步代码会写 `await once(child, 'exit')`，事件循环照常运行，见 waitpid 一课。）",
  'demo.wait.waiting': '父进程 {parent}：在 spawnSync() 中等待。子进程 {child}：一直工作，直到被告知 exit({status})。',
  'demo.wait.seeChild': '子进程，正在工作；它的父进程是 {ppid}',
  'demo.wait.seeParent': '父进程，在 wait（spawnSync）中睡眠：子进程结束之前，它不运行任何 JavaScript',
  'demo.wait.finish': 'procview 通知子进程结束；它以状态 {status} 退出。',
  'demo.wait.returned': '父进程：spawnSync() 在 {seconds} 秒后返回，pid 为 {child}：子进程{exit}',
  'demo.wait.neverZ': '已消失，被父进程回收；在 {looks} 次查看进程表中从未看到 Z：它一退出就被 wait 取走了',
  'demo.wait.seenZ': '已消失，被父进程回收；在 {looks} 次查看中有 {times} 次看到 Z，那是它退出到被 wait 回收之间的一瞬',
  'demo.waitpid.intro1':
    'waitpid(-1, &status, WNOHANG) 询问“有子进程结束了吗？”并立即返回：有就返回 pid 和状态，没有就返回 0。父进程在主循环中或收到 SIGCHLD 时调用它，其余时间做自己的工作。',
  'demo.waitpid.intro2':
    "Node 正是这样替你做的：libuv 把 SIGCHLD 变成一个事件循环任务，对它启动的每个子进程调用 waitpid(pid, &status, WNOHANG)，你则收到一个 'exit' 事件。与此同时，这个父进程用定时器一个单位一个单位地计数工作。",
  'demo.waitpid.child': '子进程正在工作；它将在 {seconds} 秒后以状态 {code} 退出',
  'demo.waitpid.reaped': '已消失，被父进程 {parent} 回收，而父进程一直在工作',
  'demo.waitpid.reapedOther': '已从进程表中消失（被 {by} 回收，而不是父进程）',
  'demo.waitpid.collected': '父进程：已回收子进程 {pid}，它{exit}；到目前为止完成了 {work} 个单位的工作，仍在运行：{running}',
  'demo.waitpid.conclusion': '子进程一结束就离开了进程表，每一个都由父进程回收，而父进程的工作计数在此期间一直在增长：它从未阻塞。{ties}',
  'demo.waitpid.ties': '（有几个是在同样两次查看之间离开的：间隔太近，无法凭观察排出先后。）',
  'demo.nice.intro':
    'nice 值（ps 的 NI 列）从 -20（最不“谦让”，CPU 最多）到 19（最“谦让”）。它只在多个进程争用 CPU 时才起作用：调度器给每个进程一个权重，nice 值每高一级权重约少 10%，所以 nice 0（权重 1024）得到的 CPU 大约是 nice 10（权重 110）的九倍。nice > 0 时 STAT 显示 N，nice < 0 时显示 <。',
  'demo.nice.plan':
    '这台机器提供 {cpus} 个 CPU（os.availableParallelism()）。父进程启动 {perLevel} 个 nice 为 0 的忙循环，再启动 {perLevel} 个并把它们的 nice 值调到 10（相当于 renice -n 10 -p PID）：{loops} 个循环争用 {cpus} 个 CPU。',
  'demo.nice.notSaturated': 'CPU 这么多，这些循环无法把它们全部占满；各自分到的份额可能没有差别。',
  'demo.nice.niced': '（STAT 中的 N：nice 值已调高）',
  'demo.nice.loop': 'NI {nice}：一个忙循环{niced}',
  'demo.nice.measuring': '正在用一对新快照测量 {seconds} 秒内的 CPU 使用率（所用 CPU 时间 / 实际经过的时间，与 top 的算法相同）……',
  'demo.nice.share': 'NI {nice}：最近 {seconds} 秒内占用一个 CPU 的 {percent}%',
  'demo.nice.farMore': '远远多于',
  'demo.nice.average': '平均而言，nice 0 的循环得到一个 CPU 的 {plain}%，nice 10 的循环得到 {nicer}%：前者是后者的 {ratio}。',
  'demo.nice.lower':
    '任何人都可以调高自己进程的 nice 值。调低它（给自己更多 CPU，即提高优先级）则需要特权：root 拥有的 CAP_SYS_NICE，或者 RLIMIT_NICE 允许的额度。现在父进程（uid {uid}）尝试把 pid {target} 的 nice 值从 10 调低到 5。',
  'demo.nice.root': 'root（uid 0），拥有 CAP_SYS_NICE',
  'demo.nice.privileged': '有此特权的 uid {uid}',
  'demo.nice.allowed': '允许：父进程以{who}的身份运行。普通用户会得到 EACCES（setpriority: Permission denied）。',
  'demo.nice.lowered': '现在 NI 为 5：已调低，因为父进程有特权',
  'demo.nice.refused': '被拒绝，错误为 {code}：{message}。{why}',
  'demo.nice.eacces': 'EACCES 是内核在说“只有特权进程才能调低 nice 值”。',
  'demo.nice.eperm': 'EPERM 表示目标进程属于另一个用户。',
  'demo.nice.unchanged': 'NI {nice}：未改变，请求被拒绝',
  'demo.nice.ending': '现在父进程结束它的循环并退出。',
  'demo.nice.gone': '父进程 {parent} 和它的 {loops} 个循环都已离开进程表。',
  'demo.states.seePs': '见 ps(1)',
  'demo.states.noModifiers': '没有修饰符',
  'demo.states.separator': '；',
  'demo.states.intro': 'ps 的 STAT 列由一个状态字母和其后的修饰字母组成。本课让每种常见状态各有一个进程停留其中。',
  'demo.states.r': 'R = 运行或就绪（正在 CPU 上运行，或在等待 CPU）：一个忙循环。{modifiers}',
  'demo.states.s': 'S = 可中断睡眠，在等待某个事件（它的事件循环停在 epoll_wait 中）。{modifiers}',
  'demo.states.parent': '父进程，也是 S。{modifiers}',
  'demo.states.noPlus': '{modifiers}。这里没有 +：procview 不在其终端的前台进程组中（它的输出进了管道，或者它没有终端）；从交互式 shell 启动时它会显示 +',
  'demo.states.self': 'procview 自己。{modifiers}。本课的进程从不显示 +：它们所在的会话根本没有终端。',
  'demo.states.sigstop': 'procview 向 {pid} 发送 SIGSTOP（即 kill -STOP {pid}；在 shell 中按 Ctrl-Z 发送的是 SIGTSTP，停止的效果相同）。',
  'demo.states.t': 'T = 被作业控制信号停止：它保留内存，但在收到 SIGCONT 之前得不到 CPU（小写的 t 表示被调试器停止）',
  'demo.states.backToSleep': '：回到睡眠',
  'demo.states.continued': 'SIGCONT：已继续运行，不再是 T{sleeping}',
  'demo.states.zIntro': 'Z：父进程启动一个立即退出的子进程，同时让自己的事件循环停住，使 Node 无法回收它（见 zombie 一课）。',
  'demo.states.z': 'Z = 僵尸进程（"<defunct>"）：已退出，等待父进程 {ppid} 取走它的状态',
  'demo.states.reaped': '已回收：父进程取走了它的状态，Z 消失了',
  'demo.states.others':
    '你可能遇到的其他字母：D = 不可中断睡眠（通常在等待磁盘或网络文件系统），I = 空闲的内核线程，t = 被调试器停止，X = 已死亡（实际中看不到）；修饰符还有 <（nice < 0）和 L（有锁定在内存中的页）。',
  'demo.states.gone': '父进程 {parent} 结束了它的子进程并退出：它们都已离开进程表。',
  'demo.socket.noFile': '（{path} 处没有文件）',
  'demo.socket.intro':
    'Unix 域套接字（本地套接字）是一个以文件命名的本机进程间通信端点：服务器对一个路径调用 bind() 和 listen()，客户端对这个路径调用 connect()。它用的是 TCP 那套套接字 API，只是不经过网络；谁能连接，由这个文件的权限以及通往它的各级目录的权限决定。',
  'demo.socket.dir': 'procview 为它建了一个私有目录（mkdtemp，权限 0700：只有属主能进入）：ls -lnd: {listing}',
  'demo.socket.staleFirst': '先制造一个过期的套接字文件：一个服务器绑定 {path}，然后被 SIGKILL 杀死，所以它没有机会删除这个文件。',
  'demo.socket.listening': '一个在 {path} 上监听的服务器',
  'demo.socket.killed': '被 SIGKILL 杀死：没有机会清理（它的父进程 procview 回收了它）',
  'demo.socket.leftBehind': '留下的文件：{listing}。开头的 "s" 是文件类型（套接字），来自 lstat() 返回的模式位。已经没有人在它上面接受连接：它过期了。',
  'demo.socket.newServer': '一个新的服务器在同一路径上启动。',
  'demo.socket.bindFailed': '服务器：bind() 失败，错误为 {code}：这个名字被旧文件占用了。',
  'demo.socket.removed':
    '服务器：对它的 connect() 被拒绝（ECONNREFUSED），说明没有人在监听：这个文件过期了。lstat() 显示它是属于我们 uid 的套接字，所以服务器删除了它（unlink）并重新绑定。（服务器不能删除仍有活着的服务器在应答的文件，也不能删除任何不是它自己套接字的东西。）',
  'demo.socket.newFile': 'ls -ln: {listing}：一个新的套接字文件（inode {inode}，比过期的那个晚 {ms} 毫秒创建）',
  'demo.socket.serverSleeps': '服务器：睡眠，直到有客户端写入（S）',
  'demo.socket.clientConnected': '客户端：已连接到 {path}',
  'demo.socket.toServer': '客户端 → 服务器：{text}',
  'demo.socket.toClient': '服务器 → 客户端：{text}',
  'demo.socket.bye': '客户端：收到 {replies} 条回复，（按 procview 的要求）关闭连接并退出。',
  'demo.socket.clientExited': '客户端已退出',
  'demo.socket.closing': '服务器关闭它的监听套接字；关闭时文件也随之删除（libuv 会 unlink 这个路径）。',
  'demo.socket.serverExited': '服务器已退出',
  'demo.socket.stillThere': '仍然存在：{listing}',
  'demo.socket.removedAtEnd': 'ls -ln: {listing}：已删除。',
  'stat.state.R': '运行，或就绪（可以在 CPU 上运行）',
  'stat.state.S': '可中断睡眠：等待某件事发生（可被信号唤醒）',
  'stat.state.D': '不可中断睡眠，通常在等待磁盘或其他 I/O',
  'stat.state.T': '停止：被作业控制信号（SIGSTOP、SIGTSTP……）停止；SIGCONT 让它继续',
  'stat.state.t': '停止：被跟踪者（如调试器）停止',
  'stat.state.Z': '僵尸进程：它已退出，但父进程还没有用 wait() 回收它的退出状态',
  'stat.state.X': '已死亡：正在被移除',
  'stat.state.I': '空闲的内核线程',
  'stat.state.W': '换页（2.6 以后的内核不再使用）',
  'stat.state.P': '已停放（parked）的内核线程',
  'stat.state.K': 'wakekill：收到致命信号时会被唤醒',
  'stat.modifier.high': '高优先级：nice 值为负，对别的进程不那么“谦让”',
  'stat.modifier.low': '低优先级：nice 值为正，对别的进程“谦让”',
  'stat.modifier.locked': '有锁定在内存中的页',
  'stat.modifier.sessionLeader': '会话首进程（它调用过 setsid()：它的 pid 就是会话 id）',
  'stat.modifier.threads': '多线程',
  'stat.modifier.foreground': '在其终端的前台进程组中',
  'stat.unknown': '状态未知（无法读取）',
  'stat.unknownState': '这个版本的 procview 不认识的状态',
  'stat.unknownModifier': '这个版本的 procview 不认识的修饰符',
  'demo.double-fork.summary': '父进程 → 子进程 → 孙进程；子进程退出并被回收，孙进程被收养并继续工作',
  'demo.exit.summary': '子进程分别以 exit(0)、exit(3)、sys.exit("msg")、SIGTERM 和 SIGKILL 结束；父进程读取每一个状态',
  'demo.fork.summary': '父进程启动子进程：两个 PID，子进程的 PPID 就是父进程，内存各自独立',
  'demo.nice.summary': 'nice 0 和 nice 10 的忙碌子进程，数量多于 CPU：NI 和 CPU 份额各不相同',
  'demo.orphan.summary': '父进程先退出；仍在运行的子进程被 1 号进程或某个 subreaper 收养',
  'demo.states.summary': '进程分别停留在 R（忙碌）、S（睡眠）、T（停止）和 Z（僵尸）状态，并解释 STAT 修饰符',
  'demo.unix-socket.summary': '本地套接字文件上的流式服务器与客户端互发消息；先删除过期的套接字文件',
  'demo.wait.summary': '父进程阻塞在 wait() 中，直到子进程以状态 3 退出；不留下僵尸进程',
  'demo.waitpid.summary': '非阻塞的 waitpid(WNOHANG)：三个子进程先后结束，父进程一直在工作',
  'demo.zombie.summary': '子进程退出，而忙碌的父进程不回收它：Z <defunct>，然后被回收',
  'demo.header': '课程“{name}”：{summary}（每个状态保持 {seconds} 秒，procview pid {pid}）',
  'demo.result.observed': '结果：本课的每一步都已观察到。',
  'demo.result.notObserved': '结果：未能观察到 —— {problems}',
  'demo.noDashboard': '仪表盘无法启动（{why}）；改为以纯文本运行本课',
  'demo.cannotDraw': '{why}；改为以纯文本运行本课（--plain）',
  'event.exited': '退出，状态 {code}',
  'event.killed': '被 {signal} 杀死',
  'event.killedCore': '被 {signal} 杀死，并转储了 core',
  'event.exitedUnknown': '退出',
  'event.unknownProcess': '一个未知进程',
  'event.subreaper': '{pid}（一个 subreaper）',
  'event.subreaperNamed': '{pid}（{name}，一个 subreaper）',
  'event.spawn': '{self} 启动，是 {parent} 的子进程',
  'event.exit': '{self} {ended}（父进程 {parent}）',
  'event.zombie': '{self} 成为僵尸进程：父进程 {parent} 还没有回收它',
  'event.zombieStatus': '{self} 成为僵尸进程：父进程 {parent} 还没有回收它（{status}）',
  'event.reapUnknown': '{self} 已消失：它的僵尸进程已被回收',
  'event.reap': '{self} 被 {by} 回收',
  'event.inferred': '{self} {evidence}（推断）',
  'event.orphaned': '{self} 成为孤儿进程：父进程 {parent} 已退出，由 {adopter} 收养',
  'event.reparent': '{self} 更换了父进程：{from} → {to}',
  'event.execUnread': '（未及读取的程序）',
  'event.exec': '{self} exec：{after}',
  'event.execFrom': '{self} exec：{before} → {after}',
  'event.stop': '{self} 停止（T）：SIGCONT 让它继续',
  'event.continue': '{self} 继续运行',
  'event.renice': '{self} 的 nice 值改变：{from} → {to}',
  'event.evidence.noLeader': '第一次看到时已被 1 号进程收养；它的进程组 {pgid} 已经没有组长',
  'event.evidence.noLeaderSeen': '第一次看到时已被 1 号进程收养；它的进程组 {pgid} 已经没有组长（之前看到过 {leader}）',
  'event.evidence.leaderAlive': '第一次看到时已被 1 号进程收养；它的进程组组长 {leader} 还活着，却不是它的父进程',
  'event.evidence.orphaned': '{why}：很可能在 procview 查看之前就已成为孤儿进程',
  'ui.key.1': '退出（正在运行的课程会先停止并清理）',
  'ui.key.2': '本帮助',
  'ui.key.3': '选择进程（也可以用鼠标：点击、滚轮）',
  'ui.key.4': '查看所选进程的全部信息（Esc 关闭）',
  'ui.key.5': '表格 ⇄ 进程树',
  'ui.key.6': '树视图：折叠所选子树（在叶子上：跳到它的父进程）',
  'ui.key.7': '树视图：展开所选子树',
  'ui.key.8': '按左边 / 右边的下一列排序（F6 同 >），或点击列标题',
  'ui.key.9': '反转排序顺序',
  'ui.key.10': '按 %CPU、%MEM 或 TIME 排序，最大的在前（同 htop）',
  'ui.key.11': '按 pid、名称、用户或命令行过滤；事件窗格和侧边窗格也随之过滤（Enter 保留，Esc 清除）',
  'ui.key.12': '只显示某一个用户的进程，按用户名或 uid（留空：所有人）',
  'ui.key.13': '显示 / 隐藏内核线程（在全系统视图中默认隐藏；始终计入总数）',
  'ui.key.14': '线程：procview 列出的是进程（THR 是它们的线程数）',
  'ui.key.15': '发送信号：kill -l 中的任意一个，用 ↑ ↓ 选择，或输入名称或编号；Enter 发送（对范围之外的进程发送 KILL/STOP 会再确认一次）',
  'ui.key.16': 'renice：nice 值 +1（降低优先级）',
  'ui.key.17': 'renice：nice 值 -1（提高优先级；需要 root）',
  'ui.key.18': '跟随所选进程，无论排序把它移到哪里（再按 f 停止）',
  'ui.key.19': '暂停显示（事件仍在收集）',
  'ui.key.20': '在事件窗格和讲解 / 聊天窗格之间切换（窄屏）',
  'ui.key.21': '显示 / 隐藏侧栏（讲解、聊天、进程详情）：进程列表占满宽度',
  'ui.key.22': '向前 / 向后滚动事件窗格（在其上滚动鼠标滚轮也可以）',
  'ui.key.23': '向前 / 向后滚动讲解 / 聊天窗格（在其上滚动鼠标滚轮也可以）',
  'ui.key.24': '设置：显示哪些列、刷新间隔、启动时是否为树视图、颜色；保存到 ~/.config/procview/config.json',
  'ui.key.25': '以管理员身份在聊天室里说话（--watch chat）',
  'ui.row.new': '新进程（最初几次刷新）',
  'ui.row.dead': '刚刚退出（保留几次刷新）',
  'ui.row.zombie': '僵尸进程（Z）：已退出，尚未被回收',
  'ui.row.stopped': '已停止（T/t）',
  'ui.row.context': '不在范围内：被跟随的进程所挂靠的父进程',
  'ui.help.heading': 'procview 按键',
  'ui.help.rows': '行的含义',
  'ui.help.closing': '发送信号和 renice 之前，会先确认进程还是同一个（pid + 启动时间）；1 号进程和 procview 自己会被拒绝。按 Esc 或 ? 关闭本帮助。',
  'ui.header.reading': '读取中…',
  'ui.header.paused': ' 已暂停',
  'ui.header.ofSystem': '（系统中共 {total} 个）',
  'ui.header.filter': ' · 过滤 "{filter}"',
  'ui.header.user': ' · 用户 {user}',
  'ui.header.kernelHidden': ' · 隐藏了 {count} 个内核线程（K）',
  'ui.header.following': ' · 跟随 {pid}',
  'ui.header.scope': '范围：{scope}{of} · {mode}{rest}',
  'ui.mode.table': '表格',
  'ui.mode.tree': '进程树',
  'ui.prompt.filter': '过滤> ',
  'ui.prompt.user': '用户（用户名或 uid）> ',
  'ui.prompt.say': '以管理员身份发言> ',
  'ui.prompt.sayHint': '  （Enter 发送，Esc 取消）',
  'ui.prompt.keepHint': '  （Enter 保留，Esc 清除）',
  'ui.footer.hints': 'q 退出  ? 帮助  t 进程树  / 过滤  k 信号  n/N nice 值  f 跟随  space 暂停{say}  Enter 详情',
  'ui.footer.say': '  i 发言',
  'ui.tasks.seenLong': '任务：当前 {running} 个运行，共见过 {seen} 个 · 共 {total} 个，{sleeping} 个睡眠，{stopped} 个停止，{zombie} 个僵尸',
  'ui.tasks.seenShort': '任务：当前 {total}，见过 {seen}  R {running}  S {sleeping}  T {stopped}  Z {zombie}',
  'ui.tasks.long': '任务：共 {total} 个，{running} 个运行，{sleeping} 个睡眠，{stopped} 个停止，{zombie} 个僵尸',
  'ui.tasks.short': '任务：{total}  R {running}  S {sleeping}  T {stopped}  Z {zombie}',
  'ui.uptime': '已运行 {time}',
  'ui.uptime.day': '1 天，',
  'ui.uptime.days': '{days} 天，',
  'ui.uptime.minutes': '{minutes} 分钟',
  'ui.load': '平均负载：{load}',
  'ui.interval': '每 {seconds} 秒',
  'ui.pane.matches': ' · {count} 条匹配 "{filter}"',
  'ui.pane.back': ' · 向前 {count} 行（{keys}）',
  'ui.pane.moreBelow': '… 下面还有：PgDn',
  'ui.pane.scrolled': ' · 已滚动（{ }）',
  'ui.title.help': '帮助',
  'ui.title.signal': '信号',
  'ui.title.confirm': '确定吗？',
  'ui.title.setup': '设置',
  'ui.title.process': '进程',
  'ui.title.events': '事件',
  'ui.title.lesson': '课程：{name}',
  'ui.title.chat': '聊天室 {address}',
  'ui.title.output': '程序输出',
  'ui.lesson.ppid': '，ppid {ppid}',
  'ui.lesson.gone': '已消失',
  'ui.lesson.observed': '观察到：{pid} {stat}{ppid}：{note}',
  'ui.lesson.header': '课程“{name}”：{summary}',
  'ui.lesson.complete': '课程结束：预告的每个状态都已观察到。按 q 退出。',
  'ui.lesson.problem': '问题：{problem}',
  'ui.lesson.failed': '课程失败：{why}',
  'event.source.lost': ' · 丢失了 {count} 个事件',
  'event.source.kernel': '事件：内核{lost}',
  'event.source.seconds': '{seconds} 秒',
  'event.source.needRoot': '（内核事件需要 root）',
  'event.source.noModule': '（内核事件：原生模块未编译）',
  'event.source.otherNamespace': '（内核事件：不在这个网络命名空间中）',
  'event.source.notLinux': '（内核事件：仅限 Linux）',
  'event.source.polling': '事件：轮询，每 {every}{why}{lost}',
  'ui.program.stderr': 'stderr：{text}',
  'ui.program.started': '已启动，pid {pid}',
  'ui.program.ended': 'pid {pid} {how}。按 q 退出。',
  'ui.program.endedWord': '已结束',
  'ui.program.cannotStart': '无法启动 {command}：{why}',
  'cli.error.unknownOption': "未知选项 '{option}'",
  'cli.error.unexpectedArgument': "多余的参数 '{argument}'",
  'cli.error.optionNeedsValue': "选项 '{option}' 缺少值",
  'cli.error.optionValue': "选项 '{option}' 不接受值",
  'cli.unit.seconds': '秒',
  'cli.unit.bytes': '字节',
  'cli.kind.whole': '整数',
  'cli.kind.number': '数',
  'cli.kind.numberOf': '{unit}数',
  'cli.range.fromTo': '{min} 到 {max} 之间的{kind}',
  'cli.range.positive': '大于 0 的{kind}',
  'cli.range.nonNegative': '不小于 0 的{kind}',
  'cli.range.above': '大于 {min} 的{kind}',
  'cli.range.atLeast': '不小于 {min} 的{kind}',
  'cli.error.needsValue': '{flag} 需要一个值',
  'cli.error.mustBe': "{flag} 必须是 {range}，而不是 '{text}'",
  'cli.error.invalidPid': "无效的 PID '{text}'（应为正整数）",
  'cli.error.watchNeeds': '--watch 需要 {needs}',
  'cli.error.lang': "--lang 必须是 en 或 zh，而不是 '{lang}'",
  'cli.error.unknownCommand': "未知命令 '{command}'",
  'cli.usage.short': '用法：procview [命令] [选项]   （procview --help 列出所有命令）',
  'cli.error.internal': '内部错误：{text}',
  'demo.error.oneAtATime': '一次只能运行一课',
  'demo.error.unknown': "没有名为 '{name}' 的课程（可选课程：{lessons}）",
  'demo.help.title': 'procview demo：用真实进程讲解进程知识的课程。',
  'demo.help.lessons': '课程：',
  'cli.help.title': 'procview：实时查看 Unix 进程。',
  'cli.help.usage': `用法：procview [--watch chat[:PORT]|PID|NAME] [-d SECONDS]   实时仪表盘
      procview ps [--format j|aux] [--json] [-w]                列出所有进程（一次）
      procview tree [PID] [-p|--pids] [--json]                  进程树
      procview demo [NAME] [--plain] [--record FILE]            进程课程
      procview chat server|client|say ...                       UDP 聊天室
      procview serve --metrics [--listen HOST:PORT]             Prometheus 导出器
      procview events [--watch PID|NAME] [--json]               实时显示进程事件
      procview run [--plain] [--record FILE] [--] CMD [ARGS...] 在仪表盘下运行一个程序
      procview record FILE [--watch PID|NAME] [--duration S]    把进程和事件录制到 FILE
      procview replay FILE [--plain|--json]                     回放一段录制
      procview COMMAND --help                                   某个命令的帮助
所有命令都接受 --lang en|zh（默认按 LC_ALL / LC_MESSAGES / LANG 选择）。`,
  'cli.help.events': `事件来源（仪表盘标题栏会显示当前使用哪一种）：
  kernel   来自内核进程事件连接器（proc connector），每次 fork、exec 和退出都在发生时报告。
           需要 Linux、root 权限（sudo procview ...）、宿主机的网络命名空间，以及原生模块
           （有 C 编译器 gcc、make 时由 npm install 编译）。
  polling  否则：每次刷新扫描一遍；对 run / --watch / 课程，还会密切（每几毫秒）查看
           被观察进程的子进程。可以用 --events polling 或 PROCVIEW_EVENTS=polling 强制使用。`,
  'demo.help.usage': `用法：procview demo                                   列出所有课程
      procview demo NAME [--plain] [--hold SECONDS] [--record FILE]   运行一课
  --plain           以文本输出讲解和观察到的事实（标准输出不是终端时默认如此）
  --hold SECONDS    每个关键状态保持多久（默认 {hold} 秒；{min} 到 {max}）
  --record FILE     同时把进程、事件和讲解写入 FILE（用 procview replay FILE 回放）
退出状态：课程各步都观察到时为 0，未观察到时为 1，命令行有误时为 2，收到信号 N 时为 128+N。`,
  'cli.usage.line': '用法：{synopsis}{more}',
  'cli.usage.more': '   （{command} --help 查看更多）',
  'control.verb.signal': '发送信号',
  'control.verb.renice': '调整 nice 值',
  'control.eperm': '无权对 {who} {action}：它属于另一个用户（EPERM）',
  'control.esrch': '{who} 在 {exited}之前就已退出',
  'control.failed': '无法对 {who} {action}：{why}',
  'control.notPid': '已拒绝：{pid} 不是进程 id',
  'control.init': '拒绝对 1 号进程（init）{action}：一切都依赖于它',
  'control.self': '拒绝对 procview 自己{action}（按 q 退出）',
  'control.unconfirmed': '已拒绝：无法确认 {who} 就是显示的那个进程（启动时间未知）',
  'control.gone': '{who} 已退出；无需{action}',
  'control.reused': '未执行：pid {pid} 现在属于另一个进程（pid 被重用）',
  'control.noSignal': '已拒绝：这里没有名为 {signal} 的信号',
  'control.sent': '已向 {who} 发送 SIG{signal}',
  'control.arrived': 'SIG{signal} 送达',
  'control.limit': '{who} 的 nice 值已是 {nice}，到达极限',
  'control.reniced': '已调整 {who} 的 nice 值：{from} → {to}',
  'control.eacces': '无权调低 {who} 的 nice 值：这需要 root（EACCES）',
  'control.couldRenice': '调整 nice 值',
  'ui.detail.ago': '（{seconds} 秒前）',
  'ui.detail.none': '未选择进程。',
  'ui.detail.exited': ' 已退出',
  'ui.detail.new': ' 新',
  'ui.detail.started': '启动于',
  'ui.detail.sessionLeader': '  会话首进程',
  'ui.detail.groupLeader': '  进程组组长',
  'ui.detail.ancestors': '祖先进程',
  'ui.detail.children': '子进程',
  'ui.detail.noChildren': '无',
  'ui.detail.commandLine': '命令行',
  'ui.detail.unreadable': '（无法读取）',
  'ui.detail.noArgs': '（无：内核线程或僵尸进程）',
  'ui.signal.notSent': '未发送 SIG{signal}',
  'ui.signal.typeHint': '输入名称或编号跳转',
  'ui.signal.typed': '已输入：{typed}{none}',
  'ui.signal.noSuch': '（没有这个信号）',
  'ui.signal.title': '向 {who} 发送信号',
  'ui.signal.moreUp': '   ↑ 更多',
  'ui.signal.moreDown': '   ↓ 更多',
  'ui.signal.keys': '↑↓ PgUp PgDn 选择 · Enter 发送 · Esc 取消',
  'ui.confirm.otherUser': '它属于另一个用户。',
  'ui.confirm.outside': '它不在观察范围之内（全系统视图）。',
  'ui.confirm.title': '向 {who} 发送 SIG{signal}？',
  'ui.confirm.keys': 'y 发送 · 其他任意键取消',
  'cli.help.eventsFlag': `  --events MODE      事件来源：auto（默认；内核有应答时用内核事件）、kernel、polling
                     （或 PROCVIEW_EVENTS=MODE）。内核事件需要 Linux、root（CAP_NET_ADMIN）、
                     初始网络命名空间，以及安装时编译的原生模块（需要 C 编译器）`,
  'cli.help.ps': `用法：procview ps [--format j|aux] [--json] [-w|--wide]
  --format j     PPID PID PGID SID TTY TPGID STAT UID TIME COMMAND，同 ps -ajx（默认）
  --format aux   USER PID %CPU %MEM VSZ RSS NI TTY STAT START TIME COMMAND，同 ps aux 外加 NI
  --json         { "version": 1, "kind": "ps", "processes": [...] }；每个字段都有，未知时为 null
  -w, --wide     不在终端宽度处截断行
  -h, --help     本帮助；  -V, --version  版本号`,
  'cli.help.psTitle': `procview ps：列出所有进程，一次。`,
  'cli.help.tree': `用法：procview tree [PID] [-p|--pids] [--json] [-w|--wide]
  PID            只显示这个进程的子树
  -p, --pids     显示 name(pid)，并且不把相同的子树折叠成 N*[…]（同 pstree -p）
  --json         { "version": 1, "kind": "tree", "roots": [{ proc, children }] }；未知为 null
  -w, --wide     不在终端宽度处截断行
  -h, --help     本帮助；  -V, --version  版本号`,
  'cli.help.treeTitle': `procview tree：进程树，一次。`,
  'cli.help.eventsCommand': `用法：procview events [--watch PID|NAME] [--json] [--events auto|kernel|polling] [-d SECONDS]
  --watch PID        这个进程和它 fork 出的进程，以及它们的后代
  --watch NAME       名称或命令行包含 NAME 的进程（从不包括 procview 自己）
  --json             每行一个 JSON 对象（字段见 README）
  -d SECONDS         完整重新扫描的间隔（默认 1）
{eventsHelp}`,
  'cli.help.eventsTitle': `procview events：实时显示进程事件。`,
  'cli.help.dashboard': `用法：procview [--watch chat|chat:PORT|PID|NAME] [-d SECONDS] [--events MODE] [--record FILE] [-M|--no-color] [--help] [--version]
  --watch chat       聊天室：它的服务器（按进程标题查找，找不到就启动一个）、管理员和客户端
  --watch PID        这个进程及其后代（它们更换父进程之后仍然保留）
  --watch NAME       名称或命令行包含 NAME 的进程，以及它们的后代
  -d SECONDS         刷新间隔（默认 1；课程为 0.5）；可以是小数，至少 0.1
  -M, --no-color     单色：完全不用颜色（同 NO_COLOR=1）；用粗体和反显区分状态
  --record FILE      同时把仪表盘看到的一切写入 FILE（用 procview replay FILE 回放）
{eventsHelp}
按键：q 退出，? 帮助。只输出一次：procview ps、procview tree。`,
  'cli.help.dashboardTitle': `procview：实时进程仪表盘。`,
  'cli.help.serve': `用法：procview serve --metrics [--listen HOST:PORT] [-d SECONDS] [--watch PID|NAME]
                        [--group NAME=REGEX ...] [--top-parents N]
  --metrics            在 http://HOST:PORT/metrics 上提供 Prometheus 指标（对方要求时用 OpenMetrics）
  --listen HOST:PORT   IP 地址和端口（默认 {host}:{port}：仅本机；端口 0：任意空闲端口）。
                       0.0.0.0:PORT 或 [::]:PORT 会回答任何能访问本机的人，没有认证也没有 TLS：
                       各状态的进程数、有僵尸子进程的进程的名称和 PID、收养和事件的计数、
                       你的 --group 名称及其 CPU 和内存。
  -d SECONDS           扫描间隔（默认 {interval}；至少 0.1）；抓取读取最近一次扫描，从不自己扫描
  --watch PID|NAME     只看这个进程，或名称或命令行包含 NAME 的进程，以及它们的后代
  --group NAME=REGEX   一个命名的进程组，成员是 comm 匹配 REGEX 的进程（NAME=cmdline:REGEX：按命令行匹配）；
                       可重复，一个进程计入它匹配的第一个组；标签只带 NAME
  --top-parents N      拥有自己的 procview_zombies_by_parent 序列的父进程数（默认 {top}，0 到 {max}）；
                       其余的合计到 parent_comm="other"
收到 SIGTERM 或 Ctrl-C 时干净地停止（退出状态 0）。`,
  'cli.help.serveTitle': `procview serve：进程状态、僵尸进程和孤儿进程的 Prometheus 导出器。`,
  'cli.help.run': `用法：procview run [--plain] [--events auto|kernel|polling] [-d SECONDS] [--record FILE] [--] CMD [ARGS...]
  在仪表盘下启动 CMD，从第一刻起就以它为观察范围：它的进程、这些进程的事件
  （fork、exec、带状态的退出、僵尸进程、回收、成为孤儿进程并被收养），旁边是它的输出。
  按 q 结束它（向它的进程组发送 SIGTERM，然后 SIGKILL）并退出。
  --plain            不用仪表盘（没有终端时也是如此）：带时间戳的事件行与程序的输出交错显示；
                     procview 以程序的退出状态退出
  -d SECONDS         完整重新扫描的间隔（默认 0.5）
  --record FILE      同时把看到的一切和程序的输出写入 FILE（用 procview replay FILE 回放）
{eventsHelp}`,
  'cli.help.runTitle': `procview run：启动一个程序并观察它的进程。`,
  'ui.look.plain': '普通',
  'ui.look.reverse': '反显',
  'ui.look.bold': '粗体',
  'ui.look.underlined': '下划线',
  'ui.look.fg': '{colour}字',
  'ui.look.bg': '{colour}底',
  'ui.colour.black': '黑',
  'ui.colour.red': '红',
  'ui.colour.green': '绿',
  'ui.colour.yellow': '黄',
  'ui.colour.blue': '蓝',
  'ui.colour.magenta': '品红',
  'ui.colour.cyan': '青',
  'ui.colour.white': '白',
  'ui.colour.grey': '灰',
  'ui.setup.tree': '启动时使用树视图（全系统）',
  'ui.setup.colour': '颜色（NO_COLOR 仍会关闭它）',
  'ui.setup.refresh': '刷新间隔',
  'ui.setup.seconds': '{seconds} 秒',
  'ui.setup.column': '列 {column}',
  'ui.setup.heading': '设置（关闭时保存）',
  'ui.setup.keys': '↑↓ 选择 · Space/Enter/→ 更改 · ← 退回 · Esc 或 F2 保存并关闭',
  'ui.setup.file': '颜色和刷新间隔在下次启动时生效；列立即生效。文件：{path}',
  'cli.events.watching': '正在观察；{source}',
  'cli.events.lost': '丢失了 {count} 个事件（被内核丢弃；已重新扫描）',
  'cli.run.notWaiting': '不再等待 {pids}（仍在运行，是程序留下的）',
  'cli.help.chatServer': `procview chat server：运行 UDP 聊天室。

选项：
  --host ADDR                 监听的地址（默认 {host}；0.0.0.0 会向网络开放）
  --port N                    UDP 端口（默认 {port}；0 表示挑一个空闲端口）
  --lang en|zh                聊天室的用语（默认：LANG 为 zh_* 时用 zh，否则用 en）
  --burst N                   防刷屏：一个发送者一次最多可发的消息数（默认 {burst}）
  --rate N                    防刷屏：突发之后每秒允许的消息数（默认 {rate}）
  --max-members N             聊天室最多的成员数（默认 {maxMembers}）
  --max-per-address N         同一来源地址最多的成员数（默认 {maxPerAddress}；
                              一个 IPv6 /64 算作一个地址）
  --logins-per-minute N       一个陌生地址每分钟可尝试登录的次数，可一次用完也可分散
                              （默认 {logins}；所有陌生地址合计为它的 {factor} 倍）；
                              超过后只告知一次，然后忽略该地址，直到它放慢速度
  --heartbeat-timeout SECONDS 我们的客户端沉默这么久就被移出（默认 {heartbeatTimeout}；0 表示从不）
  --idle-timeout SECONDS      任何成员（包括经典客户端）沉默这么久就被移出（默认 0：从不）
  --admin-socket PATH         管理员套接字（默认 $XDG_RUNTIME_DIR 或 /tmp 下的 procview-UID/chat-PORT.sock）
  --lifeline-fd FD            从 FD 继承的管道或套接字读到末尾时关闭聊天室，
                              即持有另一端的进程死掉时（procview --watch chat 用 3）
  --quiet                     不打印聊天室的消息行

打印的第一行是 \`listening on HOST:PORT\`（用 --port 0 时是实际端口），
第二行是 \`admin socket: PATH\`；之后是聊天室广播的每一行。
在这个终端里输入的行会以管理员身份广播，在另一个终端里运行的
\`procview chat say TEXT\` 也一样。Ctrl-C（或 SIGTERM）会通知所有人
聊天室即将关闭，然后以 0 退出。

进程：\`procview chat-server HOST:PORT\` 和它的子进程 \`procview chat-admin HOST:PORT\`，
后者读取终端和管理员套接字，只通过 IPC 与服务器通信。

加固：用户名与登录时的地址和端口绑定；陌生人发来的垃圾数据得不到回应；
每个成员的消息都有防刷屏限制；每个来源地址的成员数和登录尝试次数都有上限（见上）。
仍然存在的问题：UDP 源地址可以伪造，而经典协议没有握手来证明地址，所以能伪造地址的人
仍然可以为任何受害地址登录最多 --max-per-address 个成员（总共最多 --max-members 个），
而每个这样的成员都会收到聊天室的每一行。除非设置了 --idle-timeout，经典成员不会因沉默
而被移出，所以受害者会一直收到消息，直到聊天室关闭。默认绑定的 127.0.0.1 只有本机
能访问；使用 --host 0.0.0.0 时，请让聊天室保持小规模、设置 --idle-timeout，
或者用防火墙只放行你信任的主机。`,
  'cli.help.chatClient': `procview chat client：加入聊天室（默认 {host} {port}）。

用法：procview chat client [HOST] [PORT] [--name NAME] [--lang en|zh] [--heartbeat SECONDS]

反复询问用户名，直到服务器回答 OK（--name 会先试 NAME），然后像经典客户端一样
以两个进程运行：\`procview chat-client NAME HOST:PORT\` 负责接收和打印，它的子进程
\`procview chat-input NAME HOST:PORT\` 读取键盘并发送（HOST:PORT 是服务器的地址，
所以 \`procview --watch chat:PORT\` 能区分不同的聊天室；父进程自己的命令行太短、
放不下时，它的标题会省略这一部分）。UDP 套接字通过 fork 的 IPC 通道交给子进程
（是真正的句柄：同一个内核套接字、同一个源端口），子进程不再读取它的副本，
这样只有父进程接收消息。
输入 \`quit\`、按 Ctrl-C 或结束输入（Ctrl-D）即可离开。

  --heartbeat SECONDS   多久告诉服务器一次“我还活着”（默认 {heartbeat}；0 表示从不）`,
  'cli.help.chatSay': `procview chat say：以管理员身份在正在运行的聊天室中发言。

用法：procview chat say TEXT... [--port N] [--admin-socket PATH]

连接到端口 N（默认 {port}）上服务器的管理员 Unix 套接字（本地套接字）；
聊天室里的每个人都会收到 \`admin says: TEXT\`。只有运行服务器的用户才能这样做。`,
  'cli.help.chat': `procview chat：一个 procview 可以观察其进程的 UDP 聊天室。

{usage}

协议（UTF-8 文本的 UDP 数据报，与经典课程兼容）：
  L NAME        登录                → OK，或被拒绝的原因
  C NAME TEXT   发言 TEXT           → 其他人收到 \`NAME says: TEXT\`
  Q NAME        退出                → EXIT；其他人收到 \`NAME left the room\`
  H NAME        心跳（我们的扩展）  → H（仅 procview 的服务器）

运行 \`procview chat server --help\`（client、say 同理）查看各自的选项。`,
  'ui.signal.word.HUP': '挂断（它的终端没了）',
  'ui.signal.word.INT': '中断，同 Ctrl-C',
  'ui.signal.word.QUIT': '退出并转储 core，同 Ctrl-\\',
  'ui.signal.word.KILL': '立即结束（无法捕获）',
  'ui.signal.word.USR1': '用户自定义 1',
  'ui.signal.word.USR2': '用户自定义 2',
  'ui.signal.word.TERM': '请它终止',
  'ui.signal.word.CHLD': '某个子进程的状态变了',
  'ui.signal.word.CONT': '让停止的进程继续运行',
  'ui.signal.word.STOP': '停止它（无法捕获）→ T',
  'ui.signal.word.TSTP': '停止，同 Ctrl-Z（可以捕获）',
  'ui.signal.word.WINCH': '它的终端大小变了',
  'demo.problem.interrupted': '课程完成之前被中断',
  'demo.problem.unexpected': '意外错误：{why}',
  'demo.problem.cleanup': '清理：{why}',
  'demo.problem.survivors': '清理之后仍在运行：pid {pids}',
  'demo.problem.notObserved': '{seconds} 秒内未观察到：{what}',
  'demo.problem.leftBut': 'pid {pid} 离开了进程表，但{why}',
  'cli.help.record': `用法：procview record FILE [--watch PID|NAME] [-d SECONDS] [--duration SECONDS] [--events MODE]
  FILE               写到哪里（从不覆盖已有文件）；用 procview replay FILE 回放
  --watch PID        回放时跟随这个进程及其后代（整个进程表都会保留）
  --watch NAME       ……或名称或命令行包含 NAME 的进程
  -d SECONDS         完整重新扫描的间隔（默认 1）
  --duration SECONDS 录制这么久后停止（默认：直到 Ctrl-C）
{eventsHelp}
另外：procview demo NAME --record FILE，procview run --record FILE -- CMD。`,
  'cli.help.recordTitle': `procview record：把进程表及其事件录制到文件。`,
  'cli.help.replay': `用法：procview replay FILE [--plain | --json] [-M|--no-color]
  FILE               由 procview record，或 demo 和 run 的 --record 录制的文件
  --plain            打印讲解和事件行（标准输出不是终端时默认如此）
  --json             NDJSON：先是一行 "recording"（文件头），然后每个帧、事件和注释各一行
  -M, --no-color     单色仪表盘
仪表盘中的按键：space 暂停，← → 前后一帧，[ ] 减速/加速（¼× … 16×），g 跳到某个时间，
z 下一个僵尸进程，o 下一次成为孤儿进程，q 退出。发送信号和 renice 不可用：这是录制的内容。`,
  'cli.help.replayTitle': `procview replay：回放一段录制。`,
  'cli.error.eventsMode': "--events 必须是 auto、kernel 或 polling，而不是 '{value}'",
  'cli.error.recordFile': 'record 需要一个要写入的 FILE',
  'cli.error.oneFile': '只能有一个 FILE（还多给了 {extra}）',
  'cli.error.noPid': '没有 pid 为 {pid} 的进程',
  'cli.error.noPidUpper': '没有 PID 为 {pid} 的进程',
  'cli.error.cannotWrite': '无法写入 {file}：{why}',
  'cli.error.serveMetrics': 'serve 需要 --metrics（它唯一提供的东西）',
  'cli.error.listen': "--listen 需要带 IP 地址的 HOST:PORT（IPv6 地址放在方括号中），而不是 '{value}'",
  'cli.error.watchOnce': '--watch 只能给一次',
  'cli.error.inUse': '{where} 已被占用',
  'cli.error.cannotListen': '无法在 {where} 上监听：{why}',
  'cli.error.stopped': '已停止：{why}',
  'cli.error.lifelineNotOpen': '--lifeline-fd {fd} 不是一个打开的文件描述符',
  'cli.error.lifelineKind': '--lifeline-fd {fd} 不是管道或套接字',
  'cli.error.chatNeeds': 'chat 需要 server、client 或 say',
  'cli.error.chatUnknown': "未知的 chat 命令 '{sub}'",
  'cli.error.portInUse': '无法在 {where} 上监听：端口已被占用',
  'cli.error.chatServer': '无法在 {where} 上启动聊天服务器：{why}',
  'cli.error.tooMany': '参数太多：{extra}',
  'cli.error.sayText': 'say 需要要说的文字',
  'cli.watch.pidOrName': '一个 PID 或 NAME',
  'cli.error.replayFile': 'replay 需要一个录制文件 FILE',
  'cli.error.plainOrJson': '--plain 或 --json，不能同时使用',
  'cli.error.chatPort': '--watch chat:PORT 需要 1..65535 之间的端口，而不是 {port}',
  'cli.error.runCommand': 'run 需要一个要启动的命令',
  'cli.error.psFormat': "未知的格式 '{format}'（应为 {formats}）",
  'cli.or': ' 或 ',
  'cli.watch.chatPidOrName': 'chat、一个 PID 或 NAME',
  'demo.check.noNewParent': '没有看到 pid {pid} 有了新的父进程（它的父进程是 {parent}）',
  'demo.watch.exits': '{who}退出',
  'demo.watch.threeGenerations': '三代进程',
  'demo.check.zombiesLeft': '本课留下的僵尸进程：{pids}',
  'demo.check.stillChildren': '父进程仍有子进程：{pids}',
  'demo.watch.grandAdopted': '孙进程被收养',
  'demo.watch.fiveChildren': '五个子进程都在父进程之下运行',
  'demo.check.exitReported': '子进程 {pid}（{way}）报告的 code 为 {code}，signal 为 {signal}',
  'demo.check.noField': "pid {pid} 发来的 '{kind}' 消息没有 {field}",
  'demo.watch.parentAndChild': '父进程和子进程都在进程表中',
  'demo.check.childPpid': '子进程的 PPID 是 {ppid}，而不是父进程的 PID {parent}',
  'demo.check.parentPpid': '父进程的 PPID 是 {ppid}，而不是 procview 的 PID',
  'demo.check.counters': '两个计数器没有显示出内存是独立的',
  'demo.check.noMessage': "{seconds} 秒内没有收到课程进程的 '{kinds}' 消息",
  'demo.check.over': '课程已经结束',
  'demo.check.couldNotStart': '无法启动 {script}',
  'demo.check.reniceFailed': '把 nice 值调到 10 失败：{why}',
  'demo.watch.loops': '每个循环都有了它的 nice 值',
  'demo.check.noDifference': 'nice 0 得到 {plain}%，nice 10 得到 {nicer}%：看不出差别',
  'demo.watch.lowered': '调低后的 nice 值',
  'demo.check.lowerFailed': '调低 nice 值意外失败：{code}',
  'demo.watch.refusedLoop': '被拒绝的那个循环',
  'demo.check.afterRefusal': '被拒绝后 pid {pid} 的 NI 是 {nice}，而不是 {expected}',
  'demo.watch.loopsGone': '父进程和它的循环都已消失',
  'demo.watch.childUnderParent': '子进程在它的父进程之下',
  'demo.watch.parentGone': '父进程 {parent} 消失或成为僵尸进程',
  'demo.check.getppid': '子进程的 getppid()（{got}）与进程表（{table}）不一致',
  'demo.watch.newParent': '子进程有了新的父进程',
  'demo.check.reniceSleeper': '无法调整睡眠子进程的 nice 值',
  'demo.watch.rss': 'R、S 以及带 N 的 S',
  'demo.watch.stopped': '停止的子进程',
  'demo.watch.continued': '继续运行的子进程',
  'demo.watch.zombieChild': '僵尸子进程',
  'demo.check.zombieParent': '僵尸进程的父进程是 {ppid}',
  'demo.watch.childrenGone': '父进程和它的子进程都已消失',
  'demo.watch.firstServer': '第一个服务器',
  'demo.check.noStale': '被杀死的服务器没有在 {path} 留下套接字文件',
  'demo.check.notRemoved': '新服务器没有删除过期的文件：{why}',
  'demo.check.fileType': '服务器的文件类型是 {type}，而不是 s',
  'demo.check.stillStale': '{path} 仍是那个过期的文件（inode {inode}，修改时间相同）',
  'demo.watch.serverClient': '服务器和客户端',
  'demo.check.replies': '客户端数到 {replies} 条回复，而不是 {expected}',
  'demo.check.stillExists': '服务器关闭后 {path} 仍然存在',
  'demo.watch.parentChild': '父进程和子进程',
  'demo.check.childPpidNot': '子进程的 PPID 是 {ppid}，而不是 {parent}',
  'demo.watch.childEnds': '子进程结束',
  'demo.check.waitPid': 'wait 返回的 pid 是 {got}，而不是 {expected}',
  'demo.check.waitStatus': 'wait 返回的状态是 {got}，而不是 {expected}',
  'demo.watch.threeRunning': '三个子进程在运行',
  'demo.watch.threeCollected': '三个子进程都已回收',
  'demo.check.reapedBy': '子进程 {pid} 离开了进程表，但检查器看到它被 {by} 回收',
  'demo.check.atLook': '{pid} 在第 {look} 次查看时',
  'demo.check.order': '子进程离开进程表的顺序与计划不符：{looks}',
  'demo.check.endedWith': '子进程 {pid} 以 {got} 结束，而不是 {expected}',
  'demo.check.noWork': '两个子进程结束之间，父进程没有做任何工作',
  'demo.check.reportedOrder': '父进程报告子进程的顺序是 {order}，与进程表矛盾',
  'demo.watch.childInTable': '进程表中的子进程',
  'demo.watch.zombieUnderParent': '子进程成为僵尸进程，而它的父进程还活着',
  'demo.check.zombiePpid': '僵尸进程的 PPID 是 {ppid}，而不是父进程 {parent}',
  'demo.watch.zombieStill': '僵尸进程仍在',
  'demo.check.noLongerZombie': '保持期过后子进程已不再是僵尸进程（STAT {stat}）',
  'ui.chart.procs': '进程',
  'ui.chart.zombies': '僵尸',
  'record.damaged': '录制文件已损坏：{what}',
  'record.damagedRecord': '录制文件已损坏：第 {number} 条记录（字节 {offset}）— {why}',
  'record.empty': '文件是空的（什么也没有录制）',
  'record.foreign': '不是 procview 的录制文件（开头不是 PVRECORD）',
  'record.shortPreamble': '文件在前 12 个字节之内就结束了（什么也没有录制）',
  'record.newer': '录制所用的格式版本是 {version}，比这个 procview 能读的版本（{supported}）新：请升级 procview',
  'record.version0': '格式版本 0 不是 procview 写过的版本',
  'record.reserved': '第 10-11 字节（保留）不是零',
  'record.notHead': '它的头部不是记录头',
  'record.lengthWrong': '它声称有 {length} 字节，超过了文件剩下的长度，可字节 {next} 处又有一条完整的记录：它的长度是错的',
  'record.checksum': '它的校验和不符',
  'record.notJson': '{what}不是 JSON',
  'record.theHeader': '文件头',
  'record.aNote': '一条文字记录',
  'record.noTime': '字节 {offset} 处的记录没有时间',
  'record.headerFirst': '它不是以文件头开始的',
  'record.deltaFirst': '在任何完整的进程表之前出现了一帧',
  'record.noteShape': '一条文字记录没有文字或没有所属窗格',
  'record.secondHeader': '出现了第二个文件头',
  'record.noHeader': '录制文件在文件头写完之前就结束了（什么也没有录制）',
  'record.atFrame': '{why}（读取第 {number} 帧，共 {count} 帧，+{seconds} 秒）',
  'record.frameUnpack': '字节 {offset} 处的帧无法解压',
  'record.frameNoTable': '字节 {offset} 处的帧没有进程表',
  'record.headerShape': '它的文件头记录不是 procview 的文件头',
  'record.headerField': '文件头中有字段的类型不对',
  'record.procShape': '有一条进程记录不是以 pid 开头的数组',
  'record.procField': '进程 {pid} 的第 {field} 个字段类型不对',
  'record.eventShape': '有一个事件没有类型、pid 或时间',
  'record.eventField': '一个 {kind} 事件的 {field} 字段类型不对',
  'record.frameField': '字节 {offset} 处的帧中有字段的类型不对',
  'record.cannotRead': '无法读取 {file}：{why}',
  'record.readDirectory': '无法读取 {file}：它是一个目录，不是录制文件',
  'record.readDevice': '无法读取 {file}：它是设备或套接字，不是录制文件',
  'record.isDirectory': '{file} 是一个目录：录制从不覆盖已有的文件（请给一个新文件的名字）',
  'record.exists': '{file} 已存在：录制从不覆盖已有的文件（请给一个新文件的名字）',
  'record.cannotCreate': '无法创建 {file}：{why}',
  'record.noDirectory': '目录不存在（ENOENT）',
  'file.problem': '{words}（{code}）',
  'file.ENOENT': '没有那个文件或目录',
  'file.ENOTDIR': '路径中有一部分不是目录',
  'file.EISDIR': '它是一个目录',
  'file.EACCES': '权限不够',
  'file.EPERM': '不允许的操作',
  'file.EROFS': '文件系统是只读的',
  'file.ENOSPC': '磁盘已满',
  'file.EDQUOT': '磁盘配额已用完',
  'file.EFBIG': '文件对它所在的文件系统来说太大了',
  'file.ENAMETOOLONG': '文件名太长',
  'file.ELOOP': '符号链接的层数太多',
  'file.EIO': '输入/输出错误',
  'file.ERR_FS_FILE_TOO_LARGE': '文件超过了 procview 一次能读入的大小（2 GiB）',
  'cli.scope.all': '所有进程',
  'cli.scope.pids': 'pid {pids} 及其后代进程',
  'cli.scope.name': '名称或命令行包含“{pattern}”的进程及其后代进程',
  'cli.scope.chat': '聊天室 {address}',
  'cli.record.recording': '正在把 {what} 录制到 {file}（{source}）；{until}',
  'cli.record.untilCtrlC': '按 Ctrl-C 停止',
  'cli.record.forSeconds': '录制 {seconds} 秒',
  'cli.record.done': '{frames} 帧，{bytes} 字节，已写入 {file}',
  'cli.record.stopsHere': '{why}；录制到此为止',
  'cli.record.lessonUnrecorded': '{why}；课程继续，但不再录制',
  'cli.record.noteFailure': '录制：{why}',
  'cli.replay.describe': '{label}，录制于 {time}{on}，procview {version}：共 {frames} 帧，历时 {seconds} 秒{cut}',
  'cli.replay.on': '，主机 {where}',
  'cli.replay.cut': '；文件在写入中途被截断，回放到最后一个完整的帧为止',
  'cli.replay.cannotDraw': '{why}；改为以纯文本打印录制内容（--plain）',
  'cli.replay.end': '录制结束（本地时间 {time}）',
  'cli.cannotDraw.notTerminal': 'stdout 不是终端',
  'cli.cannotDraw.dumb': 'TERM=dumb：这个终端不能移动光标',
  'cli.error.needsTerminal': '仪表盘需要一个终端（{why}）。\n要纯文本输出，可以试试：procview ps   （或 procview tree、--json）',
  'ui.replay.noControl': '回放：发送信号和 renice 不可用——这些是录制下来的进程，不是正在运行的进程',
  'ui.replay.side.lesson': '课程：{label}',
  'ui.replay.side.chat': '聊天室：{label}',
  'ui.replay.side.output': '程序输出：{label}',
  'ui.replay.recorded': '录制时：{words}',
  'ui.replay.damaged': '{why}；回放停在第 {number} 帧',
  'ui.replay.end': '录制结束（← → 逐帧，g 跳到某个时间，q 退出）',
  'ui.replay.zombie': '僵尸进程',
  'ui.replay.orphaning': '成为孤儿的进程',
  'ui.replay.noneBeforeDamage': '在损坏处之前没有找到{what}：{why}',
  'ui.replay.noneAfter': '此后没有{what}',
  'ui.replay.found': '{what}：pid {pid}（{comm}），位于 +{at}——已暂停',
  'ui.replay.goToPrompt': '跳到：{typed}_   （从开头算起的秒数、m:ss 或 h:mm:ss；Enter 跳转，Esc 取消）',
  'ui.replay.goToCancelled': '跳到：已取消',
  'ui.replay.goToBad': '跳到：这不是一个时间（试试 90、1:30 或 1:02:03）',
  'ui.replay.at': '位于 +{at}——已暂停（空格键播放）',
  'ui.replay.playing': '正在播放',
  'ui.replay.paused': '已暂停（空格键播放，← → 逐帧）',
  'ui.replay.stepped': '已暂停；← → 前后一帧',
  'ui.replay.timeline': '回放 {state} {speed} {at}/{length} 第 {frame}/{frames} 帧',
  'ui.replay.recordingStopped': '录制已停止：{why}',
  'ui.settings.cannotRead': '无法读取（{why}）',
  'ui.settings.notJson': '不是有效的 JSON（{why}）',
  'ui.settings.notObject': '不是 JSON 对象',
  'ui.settings.bool': '{key} 应为 true 或 false',
  'ui.settings.interval': 'intervalMs 应为 100 到 3600000 之间的毫秒数',
  'ui.settings.columns': 'hiddenColumns 应列出以下各列中的若干个：{columns}',
  'ui.settings.separator': '；',
  'ui.settings.notUsed': '没有使用设置文件 {path}（{problem}）；现用默认设置，按 F2 可保存新的设置',
  'ui.settings.saved': '设置已保存到 {path}',
  'ui.settings.notSaved': '无法把设置保存到 {path}：{why}',
  'event.kernel.noModule': '内核事件模块未编译（安装时没有 C 编译器）：请安装 gcc 和 make，然后在 procview 的目录中运行 `node scripts/build-native.mjs`',
  'event.kernel.notLinux': '内核进程事件只有 Linux 才有',
  'event.kernel.notPermitted': '内核事件需要 root（CAP_NET_ADMIN）：请用 sudo 运行 procview',
  'event.kernel.otherNamespace': '内核事件只在宿主机的用户、PID 和网络命名空间中应答（而这里是容器中）',
  'event.kernel.unsupported': '这个内核没有进程事件连接器（CONFIG_PROC_EVENTS）',
  'event.kernel.unsupportedCode': '这个内核没有进程事件连接器（CONFIG_PROC_EVENTS）（{code}）',
  'event.kernel.unsupportedAnswer': '这个内核没有进程事件连接器（CONFIG_PROC_EVENTS）（内核回答了错误 {errno}）',
  'event.kernel.disabled': '内核事件已关闭（PROCVIEW_EVENTS=polling）',
  'event.kernel.aborted': '内核事件没有打开：已中止',
  'event.kernel.otherVersion': '内核事件模块来自另一个版本的 procview：请重新安装 procview',
  'cli.error.eventsEnv': "PROCVIEW_EVENTS 必须是 auto、kernel 或 polling，而不是 '{value}'",
  'chat.client.cannotResolve': '无法解析主机 {host}',
  'ui.chat.startFailed': '--watch chat：{why}',
  'ui.chat.exitedAtOnce': '在端口 {port} 上启动了聊天服务器，但它立即退出了（退出码 {code}；端口被占用了吗？）',
  'ui.chat.didNotShow': '在端口 {port} 上启动了聊天服务器，但它在 {seconds} 秒内没有出现',
  'ui.chat.noAdmin': '无法连接端口 {port} 上聊天服务器的管理套接字：{why}',
  'ui.chat.noAnswer': '没有回应',
  'ui.chat.found': '找到了聊天服务器 {address}（pid {pid}）。按 i 以管理员身份发言。',
  'ui.chat.started': '启动了聊天服务器 {address}（pid {pid}）。按 i 以管理员身份发言。',
  'ui.chat.adminClosed': '聊天服务器关闭了管理连接（服务器停止了？）。',
  'ui.chat.said': '已以管理员身份在聊天室中发言',
  'ui.chat.cannotSay': '没能发出：{why}',
};
