import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import type { BrowserCommand } from 'vitest/node'

// Real faults of the network and of the signaling relay, for the recovery tests. Only inside the
// network namespace that `npm test` made for this run (P2P_NETNS=1, as root).
const inOwnNamespace = () => process.env.P2P_NETNS === '1' && process.getuid?.() === 0
const ip = (args: string) => {
  const binary = existsSync('/usr/sbin/ip') ? '/usr/sbin/ip' : 'ip'
  execFileSync(binary, args.split(' '), { stdio: 'ignore' })
}

/**
 * Moves this machine to another address, as a laptop joining another Wi-Fi: the veth address both
 * sides used goes away and another appears, with the default route through it. `false` outside
 * the test's own namespace.
 */
export const changeAddress: BrowserCommand<[]> = () => {
  if (!inOwnNamespace()) return false
  ip('addr del 10.211.0.1/24 dev v0')
  ip('addr add 10.211.0.3/24 dev v0')
  ip('route replace default via 10.211.0.2 dev v0')
  return true
}

// Loopback, and the gateway end of the veth pair (it sits in the same namespace, so Chromium
// gathers candidates on it too; a laptop has no such second address).
const OTHER_PATHS = ['127.0.0.0/8', '10.211.0.2/32']
const iptables = (action: '-A' | '-D') => {
  const binary = existsSync('/usr/sbin/iptables') ? '/usr/sbin/iptables' : 'iptables'
  for (const destination of OTHER_PATHS) {
    execFileSync(binary, [action, 'OUTPUT', '-p', 'udp', '-d', destination, '-j', 'DROP'], {
      stdio: 'ignore',
    })
  }
}

/**
 * Keeps calls on the veth address 10.211.0.1, as between two machines: a pair on 127.0.0.1 or on
 * the gateway's 10.211.0.2 would survive an address change that a real network change breaks.
 */
export const avoidLoopback: BrowserCommand<[]> = () => {
  if (!inOwnNamespace()) return false
  iptables('-A')
  return true
}

/** Puts the original address back and lets loopback through again (every test leaves the namespace as it found it). */
export const restoreAddress: BrowserCommand<[]> = () => {
  if (!inOwnNamespace()) return false
  for (;;) {
    try {
      iptables('-D')
    } catch {
      break
    }
  }
  try {
    ip('addr del 10.211.0.3/24 dev v0')
  } catch {
    // Not moved.
  }
  try {
    ip('addr add 10.211.0.1/24 dev v0')
  } catch {
    // Already there.
  }
  ip('route replace default via 10.211.0.2 dev v0')
  return true
}

const RELAY_PORT = 18787
let relay: ChildProcess | null = null

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Starts the development relay (`server/signalServer.mjs`) as its own process; resolves its URL. */
export const relayStart: BrowserCommand<[]> = async () => {
  if (!relay) {
    relay = spawn(process.execPath, ['server/signalServer.mjs'], {
      env: { ...process.env, PORT: String(RELAY_PORT) },
      stdio: 'ignore',
    })
    relay.once('exit', () => (relay = null))
  }
  for (let i = 0; i < 50 && !(await listening(RELAY_PORT)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return `ws://127.0.0.1:${RELAY_PORT}`
}

/** Kills the relay's process (SIGKILL: no goodbye to anyone), as a crash would. */
export const relayKill: BrowserCommand<[]> = async () => {
  const child = relay
  if (!child) return false
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
  return true
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    changeAddress: () => Promise<boolean>
    avoidLoopback: () => Promise<boolean>
    restoreAddress: () => Promise<boolean>
    relayStart: () => Promise<string>
    relayKill: () => Promise<boolean>
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether this run includes the long outages (40 s and 2 min); `P2P_LONG_FAULTS=0` skips them. */
    longFaults: boolean
  }
}
