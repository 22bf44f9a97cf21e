// A development MQTT broker for the kit's MQTT signaling: Debian's (or any) mosquitto with the
// configuration in server/mosquitto/ (websockets on loopback, no anonymous access, a password file
// and a per-room ACL).
//
//   npm run broker                      ws://127.0.0.1:9001, accounts alice, bob and guest
//
// `startBroker()` is what the tests and the load script use: the same files, on ports of their own.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const HERE = fileURLToPath(new URL('./mosquitto/', import.meta.url))

/** The development accounts of server/mosquitto/passwd (user → password). */
export const BROKER_ACCOUNTS = { alice: 'alice-dev', bob: 'bob-dev', guest: 'guest-dev' }

const INSTALL_HINT = [
  'mosquitto is not installed. Install it, then run `npm run broker` again:',
  '  Debian, Ubuntu:  sudo apt-get install mosquitto   (the system service can stay off)',
  '  macOS:           brew install mosquitto',
  '  Windows:         https://mosquitto.org/download/',
  'Or point Broker URL at any MQTT 5 broker with WebSockets (EMQX, HiveMQ, VerneMQ, a managed one).',
].join('\n')

/** The mosquitto binary, or `null` when it is not installed. */
export function findMosquitto() {
  for (const candidate of ['mosquitto', '/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto']) {
    if (spawnSync(candidate, ['-h'], { stdio: 'ignore' }).error === undefined) return candidate
  }
  return null
}

/**
 * Starts mosquitto with the repository's password file and ACL, websockets on `wsPort` (loopback)
 * and plain MQTT on `plainPort` (127.0.0.1). Resolves once it listens.
 * @param {{ wsPort?: number, plainPort?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, pid: number, kill: (signal?: NodeJS.Signals) => Promise<void>, stop: () => Promise<void> }>}
 */
export async function startBroker({ wsPort = 9001, plainPort = 1884, log = () => {} } = {}) {
  const binary = findMosquitto()
  if (!binary) throw new Error(INSTALL_HINT)
  // Its own directory, readable by the `mosquitto` user it drops to when started as root.
  const dir = mkdtempSync(join(tmpdir(), 'p2p-broker-'))
  chmodSync(dir, 0o755)
  for (const name of ['passwd', 'acl']) {
    copyFileSync(join(HERE, name), join(dir, name))
    chmodSync(join(dir, name), 0o644)
  }
  const config = readFileSync(join(HERE, 'mosquitto.conf'), 'utf8')
    .replace('password_file server/mosquitto/passwd', `password_file ${join(dir, 'passwd')}`)
    .replace('acl_file server/mosquitto/acl', `acl_file ${join(dir, 'acl')}`)
    .replace(/^listener 1884 127\.0\.0\.1$/m, `listener ${plainPort} 127.0.0.1`)
    .replace(/^listener 9001$/m, `listener ${wsPort}`)
  writeFileSync(join(dir, 'mosquitto.conf'), config)
  chmodSync(join(dir, 'mosquitto.conf'), 0o644)

  const child = spawn(binary, ['-c', join(dir, 'mosquitto.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const onData = (chunk) => {
    output += chunk.toString()
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(line)
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = `ws://127.0.0.1:${wsPort}`
  try {
    await waitForPort(wsPort, exited, 5000)
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`mosquitto did not start: ${error.message}\n${output.slice(-800)}`, {
      cause: error,
    })
  }
  let stopped = false
  const kill = async (signal = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return {
    url,
    pid: child.pid,
    kill,
    stop: async () => {
      if (stopped) return
      stopped = true
      await kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A TCP port free on 127.0.0.1 right now (for a broker of its own: tests, the load script). */
export async function freePort() {
  const { createServer } = await import('node:net')
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`. */
async function waitForPort(port, exited, timeoutMs) {
  const { connect } = await import('node:net')
  const deadline = Date.now() + timeoutMs
  let gone = false
  void exited.then(() => (gone = true))
  for (;;) {
    if (gone) throw new Error('it exited')
    const ok = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline)
      throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!findMosquitto()) {
    console.error(INSTALL_HINT)
    process.exit(1)
  }
  const wsPort = Number(process.env.BROKER_WS_PORT ?? 9001)
  const plainPort = Number(process.env.BROKER_PORT ?? 1884)
  const broker = await startBroker({
    wsPort,
    plainPort,
    log: (line) => console.log(`[broker] ${line}`),
  })
  console.log(`[broker] mosquitto listens on ${broker.url} (WebSockets, this machine only)`)
  console.log(`[broker] and mqtt://127.0.0.1:${plainPort} (plain MQTT, for mosquitto_sub/pub)`)
  console.log(
    `[broker] accounts: ${Object.entries(BROKER_ACCOUNTS)
      .map(([user, password]) => `${user} / ${password}`)
      .join(', ')} (guest may use room "lobby" only)`,
  )
  console.log(
    '[broker] in the demo: Signaling → MQTT broker, Broker URL as above. Ctrl+C stops it.',
  )
  const stop = () => broker.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
