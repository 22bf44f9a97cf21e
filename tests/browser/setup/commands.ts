import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { BrowserCommand } from 'vitest/node'

// Real network faults for the recovery tests. Only inside the network namespace that `npm test`
// made for this run (P2P_NETNS=1, as root): never on the machine's own network.
const inOwnNamespace = () => process.env.P2P_NETNS === '1' && process.getuid?.() === 0

function iptables(action: '-A' | '-D', match: string[] = []): boolean {
  if (!inOwnNamespace()) return false
  try {
    // Root's PATH usually has /usr/sbin, but not every shell's does.
    const binary = existsSync('/usr/sbin/iptables') ? '/usr/sbin/iptables' : 'iptables'
    execFileSync(binary, [action, 'OUTPUT', '-p', 'udp', ...match, '-j', 'DROP'], {
      stdio: 'ignore',
    })
    return true
  } catch {
    return false
  }
}

const lossRule = (probability: number) => [
  '-m',
  'statistic',
  '--mode',
  'random',
  '--probability',
  String(probability),
]

/** Drops a random share of UDP packets (e.g. 0.3), for the quality tests; `false` if impossible. */
export const lossyUdp: BrowserCommand<[probability: number]> = (_context, probability) =>
  iptables('-A', lossRule(probability))

/** Removes the loss rule of `lossyUdp(probability)`. */
export const clearLossyUdp: BrowserCommand<[probability: number]> = (_context, probability) => {
  let removed = 0
  while (iptables('-D', lossRule(probability))) removed++
  return removed > 0
}

/** Drops every UDP packet in the test's namespace; `false` when that is not possible here. */
export const blockUdp: BrowserCommand<[]> = () => iptables('-A')

/** Lets UDP through again (every copy of the rule, in case a failed test left one behind). */
export const unblockUdp: BrowserCommand<[]> = () => {
  let removed = 0
  while (iptables('-D')) removed++
  return removed > 0
}

function tc(args: string[]): boolean {
  if (!inOwnNamespace()) return false
  try {
    const binary = existsSync('/usr/sbin/tc') ? '/usr/sbin/tc' : 'tc'
    execFileSync(binary, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * Caps all UDP on loopback (where the namespace's calls flow, both directions) at `kbit` kbit/s
 * with an HTB class; other traffic (the test page's own) is not touched. `false` if impossible.
 */
export const narrowUdp: BrowserCommand<[kbit: number]> = (_context, kbit) => {
  const ok = [
    'qdisc add dev lo root handle 1: htb default 1',
    'class add dev lo parent 1: classid 1:1 htb rate 10gbit',
    'class add dev lo parent 1: classid 1:2 htb rate 10gbit',
    // The cap, with a short queue: what exceeds it is dropped after 50 ms, not queued for seconds.
    `qdisc add dev lo parent 1:2 handle 20: tbf rate ${kbit}kbit burst 4kb latency 50ms`,
    'filter add dev lo parent 1: protocol ip prio 1 u32 match ip protocol 17 0xff flowid 1:2',
  ].every((step) => tc(step.split(' ')))
  if (!ok) tc(['qdisc', 'del', 'dev', 'lo', 'root'])
  return ok
}

/** Removes the cap of `narrowUdp`. */
export const widenUdp: BrowserCommand<[]> = () => tc(['qdisc', 'del', 'dev', 'lo', 'root'])

declare module 'vitest/browser' {
  interface BrowserCommands {
    blockUdp: () => Promise<boolean>
    unblockUdp: () => Promise<boolean>
    lossyUdp: (probability: number) => Promise<boolean>
    clearLossyUdp: (probability: number) => Promise<boolean>
    narrowUdp: (kbit: number) => Promise<boolean>
    widenUdp: () => Promise<boolean>
  }
}
