import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { BrowserCommand } from 'vitest/node'

// An independent WebRTC peer for the interop tests (tests/interop/aiortc_peer.py, Debian's
// python3-aiortc), driven from the browser test through these commands. One peer at a time.
const PYTHON = '/usr/bin/python3'
const SCRIPT = new URL('../../interop/aiortc_peer.py', import.meta.url).pathname

let peer: ChildProcessWithoutNullStreams | null = null
let lines: string[] = []
let waiters: (() => void)[] = []
let stderr = ''

/** Whether aiortc can run here (`apt-get install python3-aiortc`); CI installs it. */
export const aiortcAvailable: BrowserCommand<[]> = () =>
  spawnSync(PYTHON, ['-c', 'import aiortc'], { stdio: 'ignore' }).status === 0

/** Starts the aiortc peer as `answer` (reads an offer first) or `offer` (prints one first). */
export const aiortcStart: BrowserCommand<[role: 'offer' | 'answer']> = (_context, role) => {
  aiortcStop(_context)
  lines = []
  stderr = ''
  const child = spawn(PYTHON, [SCRIPT, role], { stdio: 'pipe' })
  peer = child
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const wake of waiters.splice(0)) wake()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.on('exit', () => {
    for (const wake of waiters.splice(0)) wake()
  })
}

/** Writes one signal line to the peer's stdin, as a person pasting into aiortc's prompt. */
export const aiortcSend: BrowserCommand<[line: string]> = (_context, line) => {
  if (!peer) throw new Error('aiortcStart first')
  peer.stdin.write(`${line.replace(/\n/g, ' ')}\n`)
}

/** The first line the peer printed that starts with `prefix` (waits up to `timeoutMs`). */
export const aiortcLine: BrowserCommand<[prefix: string, timeoutMs?: number]> = async (
  _context,
  prefix,
  timeoutMs = 15_000,
) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = lines.find((line) => line.startsWith(prefix))
    if (found !== undefined) return found
    if (!peer || peer.exitCode !== null || Date.now() > deadline) {
      throw new Error(`aiortc printed no line starting "${prefix}"; its stderr:\n${stderr}`)
    }
    await new Promise<void>((resolve) => {
      waiters.push(resolve)
      setTimeout(resolve, 200)
    })
  }
}

/** Ends the peer (closing stdin lets it close its connection first). */
export const aiortcStop: BrowserCommand<[]> = () => {
  if (!peer) return
  peer.stdin.end()
  const child = peer
  setTimeout(() => child.kill(), 2_000).unref()
  peer = null
  waiters = []
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    aiortcAvailable: () => Promise<boolean>
    aiortcStart: (role: 'offer' | 'answer') => Promise<void>
    aiortcSend: (line: string) => Promise<void>
    aiortcLine: (prefix: string, timeoutMs?: number) => Promise<string>
    aiortcStop: () => Promise<void>
  }
}
