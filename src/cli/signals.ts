import { EXIT_CODES } from '../errors.js';

/**
 * Ctrl-C and kill end a build at once, whatever it is doing. process.exit()
 * runs the exit handlers (the browser is killed, temporary files removed), but
 * then waits for libuv's worker threads (uv_library_shutdown joins them): one
 * stuck in a system call that never returns (an open() of a FIFO, a hung
 * network file system) would keep the process alive until kill -9. So when a
 * file system call is still pending after a moment, the exit handlers are run
 * and the signal is raised again with its default action, which ends the
 * process in the kernel, without waiting for anyone: the shell then sees the
 * same 130 / 143.
 */
const GRACE_MS = 500;

/** Ctrl-C, kill and a closed terminal end the process with the shell's code for the signal (128 + its number). */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => exitFor(signal, EXIT_CODES[signal].code));
}

function exitFor(signal: NodeJS.Signals, code: number): void {
  const waitingOnFiles = () => process.getActiveResourcesInfo().some((resource) => resource.startsWith('FSReq'));
  if (!waitingOnFiles()) process.exit(code);
  const started = Date.now();
  const poll = setInterval(() => {
    if (!waitingOnFiles()) process.exit(code);
    if (Date.now() - started < GRACE_MS) return;
    clearInterval(poll);
    process.exitCode = code;
    process.emit('exit', code);
    process.removeAllListeners(signal); // back to the default action: end the process
    process.kill(process.pid, signal);
  }, 20);
}
