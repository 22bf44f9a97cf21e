import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startSignalServer } from '../../../server/signalServer.mjs'

// The development relay, on a free loopback port, for the WebSocket signaling tests.
export default async function setup(project: TestProject) {
  const server = await startSignalServer({ port: 0 })
  project.provide('signalUrl', server.url)
  // A STUN server that never answers: a UDP socket on loopback that drops what it receives.
  const silent = createSocket('udp4')
  silent.on('message', () => {})
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
  project.provide('silentStunUrl', `stun:127.0.0.1:${silent.address().port}`)
  const turn = await startTurnServer()
  project.provide('turnUrl', turn?.url ?? '')
  return async () => {
    silent.close()
    turn?.stop()
    await server.close()
  }
}

export const TURN_USER = { username: 'u', credential: 'p' }

/**
 * Debian's coturn on the veth address of the test's own namespace (never outside it), or `null`
 * when this run has no namespace or no `turnserver` (the relay tests then skip and say why).
 */
async function startTurnServer(): Promise<{ url: string; stop: () => void } | null> {
  if (process.env.P2P_NETNS !== '1') return null
  if (spawnSync('sh', ['-c', 'command -v turnserver'], { stdio: 'ignore' }).status !== 0)
    return null
  const dir = mkdtempSync(join(tmpdir(), 'p2p-turn-'))
  const ip = '10.211.0.1'
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-n',
      `--listening-ip=${ip}`,
      `--relay-ip=${ip}`,
      '--listening-port=3478',
      '--lt-cred-mech',
      `--user=${TURN_USER.username}:${TURN_USER.credential}`,
      '--realm=test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  // Ready once it listens (it logs each listener); give up after 5 s.
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 5000)
    const check = () => {
      if (/listener opened on|Total General servers/i.test(log)) {
        clearTimeout(timer)
        resolve(true)
      }
    }
    child.stdout?.on('data', check)
    child.on('exit', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
  const stop = () => {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
  if (!ready) {
    console.warn(
      `[globalSetup] turnserver did not start; relay tests will skip.\n${log.slice(-800)}`,
    )
    stop()
    return null
  }
  return { url: `turn:${ip}:3478?transport=udp`, stop }
}

declare module 'vitest' {
  export interface ProvidedContext {
    signalUrl: string
    silentStunUrl: string
    /** `''` when this run has no TURN server. */
    turnUrl: string
  }
}
