#!/usr/bin/env node
// `npm test`: find (or, as root with apt, install) Chromium, then run the whole Vitest suite inside
// a network namespace of its own, so the tests' WebRTC traffic never leaves the machine's sandbox.
//
//   npm test                         all projects (unit, browser, storybook)
//   npm test -- --project unit       extra arguments go to `vitest run`
//   node scripts/test.mjs --exec CMD run CMD instead of Vitest, in the same namespace (screenshots)
//
// NO_NETNS=1 runs without the namespace (e.g. a laptop where unshare is not allowed).
import { spawnSync } from 'node:child_process'
import { findChromium } from './chromium.mjs'

const args = process.argv.slice(2)
const isRoot = process.getuid?.() === 0
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

function aptInstall(packages) {
  console.log(`[test] installing Debian's ${packages.join(', ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const cmd of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    if (spawnSync('apt-get', cmd, { stdio: 'inherit', env }).status !== 0) return
  }
}

function ensureTools() {
  const canApt = isRoot && has('apt-get')
  const missing = [
    ...(findChromium() ? [] : ['chromium']),
    // iptables makes the real network faults of the recovery tests (they skip without it).
    ...(has('iptables') ? [] : ['iptables']),
    // coturn is the real TURN server of the relay tests (they skip without it).
    ...(has('turnserver') ? [] : ['coturn']),
  ]
  if (missing.length > 0 && canApt) aptInstall(missing)
  const found = findChromium()
  if (found) return found
  console.error(
    '[test] No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`)\n' +
      '       or point CHROME_PATH at a Chrome/Chromium binary, then run `npm test` again.',
  )
  process.exit(1)
}

function canUseNamespace() {
  if (process.env.NO_NETNS === '1' || !has('unshare') || !has('ip')) return null
  const flags = isRoot ? ['-n'] : ['-rn']
  const probe = spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore' })
  return probe.status === 0 ? flags : null
}

// Loopback for the page and Vite, plus a veth pair with a default route, both inside the namespace:
// Chromium needs a default-route interface to gather candidates without media permission.
const NETNS_SETUP = [
  'ip link set lo up',
  'ip link add v0 type veth peer name v1',
  'ip addr add 10.211.0.1/24 dev v0',
  'ip addr add 10.211.0.2/24 dev v1',
  'ip link set v0 up',
  'ip link set v1 up',
  'ip route add default via 10.211.0.2 dev v0',
].join(' && ')

const chromium = ensureTools()
const command = args[0] === '--exec' ? args.slice(1) : ['npx', 'vitest', 'run', ...args]
const shims = new URL('./node20-shims.mjs', import.meta.url).href
const env = {
  ...process.env,
  CHROME_PATH: chromium,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${shims}`.trim(),
}
const flags = canUseNamespace()
const run = flags
  ? spawnSync('unshare', [...flags, 'sh', '-c', `${NETNS_SETUP} && exec "$@"`, 'sh', ...command], {
      stdio: 'inherit',
      env: { ...env, P2P_NETNS: '1' },
    })
  : spawnSync(command[0], command.slice(1), { stdio: 'inherit', env })
if (!flags) console.log('[test] ran without a network namespace (unshare not available)')
process.exit(run.status ?? 1)
