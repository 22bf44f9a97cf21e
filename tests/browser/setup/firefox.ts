import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserCommand } from 'vitest/node'
import { FIREFOX_PREFS as PREFS } from '../../../scripts/firefox.mjs'

// A real Firefox ESR as the other person, for the cross-engine calls: headless, with fake media,
// opening tests/browser/peer/firefoxPeer.html on the test server. The page takes its steps from a
// small job server on loopback (Playwright cannot drive Debian's Firefox), and posts the results.

interface Peer {
  firefox: ChildProcess
  server: Server
  profile: string
  jobs: string[]
  waiting: ((job: string) => void)[]
  results: ((result: unknown) => void)[]
}
let peer: Peer | null = null

/** Whether Firefox ESR is installed (`apt-get install firefox-esr`); CI installs it. */
export const firefoxAvailable: BrowserCommand<[]> = () =>
  spawnSync('sh', ['-c', 'command -v firefox-esr']).status === 0 || process.env.CI === 'true'

/** Starts Firefox on the peer page; resolves once the page asks for its first job. */
export const firefoxStart: BrowserCommand<[]> = async (context) => {
  if (peer) throw new Error('firefoxStart: already started')
  const jobs: string[] = []
  const waiting: ((job: string) => void)[] = []
  const results: ((result: unknown) => void)[] = []
  let ready: () => void = () => {}
  const started = new Promise<void>((resolve) => (ready = resolve))
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*')
    if (req.url === '/job') {
      ready()
      const job = jobs.shift()
      if (job !== undefined) res.end(job)
      else waiting.push((next) => res.end(next))
      return
    }
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      res.end('ok')
      results.shift()?.(JSON.parse(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const profile = mkdtempSync(join(tmpdir(), 'p2p-firefox-peer-'))
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  )
  const url = new URL(
    `/tests/browser/peer/firefoxPeer.html?jobs=http://127.0.0.1:${port}/`,
    context.page.url(),
  )
  const firefox = spawn(
    'firefox-esr',
    ['--headless', '--no-remote', '--profile', profile, url.href],
    {
      stdio: 'ignore',
    },
  )
  peer = { firefox, server, profile, jobs, waiting, results }
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('firefoxStart: the peer page did not load in 60 s')), 60_000),
  )
  await Promise.race([started, timeout])
}

/**
 * Gives the Firefox page a step (`offer`, `answer` with a signal, `complete` with a signal,
 * `status`); resolves with what the page reports.
 */
export const firefoxRun: BrowserCommand<[op: string, signal?: string]> = (_context, op, signal) => {
  const current = peer
  if (!current) throw new Error('firefoxRun: call firefoxStart first')
  const job = JSON.stringify({ op, signal })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`firefoxRun ${op}: no result in 25 s`)), 25_000)
    current.results.push((result) => {
      clearTimeout(timer)
      resolve(result)
    })
    const give = current.waiting.shift()
    if (give) give(job)
    else current.jobs.push(job)
  })
}

/** Closes Firefox and its job server. */
export const firefoxStop: BrowserCommand<[]> = () => {
  const current = peer
  peer = null
  if (!current) return
  for (const give of current.waiting.splice(0)) give(JSON.stringify({ op: 'stop' }))
  current.firefox.kill()
  current.server.close()
  rmSync(current.profile, { recursive: true, force: true })
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    firefoxAvailable: () => Promise<boolean>
    firefoxStart: () => Promise<void>
    firefoxRun: (op: string, signal?: string) => Promise<FirefoxReport>
    firefoxStop: () => Promise<void>
  }
}

/** What the Firefox page reports after a step. */
export interface FirefoxReport {
  userAgent: string
  localSignal: string
  phase: string
  connection: string
  error: string | null
  /** The remote video's size and clock (headless Firefox paints no frames to count). */
  remoteVideo: { width: number; currentTime: number }
}
