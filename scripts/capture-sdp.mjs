#!/usr/bin/env node
// Captures real offers and answers (audio + video + data channel, non-trickle, candidates inside)
// from Chromium and Firefox ESR into tests/fixtures/sdp/*.json, the fixtures of the compact codec's
// round-trip tests. Run it inside the tests' network namespace, so the browsers gather only there:
//
//   node scripts/test.mjs --exec node scripts/capture-sdp.mjs
//
// Each fixture also holds the tutorial's pretty-printed `{sdp, candidates}` bundle of the same call,
// the baseline of the size comparison.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

const OUT = new URL('../tests/fixtures/sdp/', import.meta.url)

// The tutorial's flow: one connection offers, a second answers; each waits for complete gathering.
const PAGE = `<!doctype html><meta charset="utf-8"><title>capture</title><script type="module">
async function gathered(pc) {
  const candidates = []
  await new Promise((resolve) => {
    pc.onicecandidate = (e) => (e.candidate ? candidates.push(e.candidate.toJSON()) : resolve())
    setTimeout(resolve, 15000)
  })
  return candidates
}
async function run() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
  const caller = new RTCPeerConnection({ iceServers: [] })
  const callee = new RTCPeerConnection({ iceServers: [] })
  caller.createDataChannel('chat', { negotiated: true, id: 0 })
  callee.createDataChannel('chat', { negotiated: true, id: 0 })
  for (const t of stream.getTracks()) { caller.addTrack(t, stream); callee.addTrack(t, stream) }
  const offerCandidates = gathered(caller)
  await caller.setLocalDescription(await caller.createOffer())
  const offerList = await offerCandidates
  const offer = { sdp: caller.localDescription.toJSON(), candidates: offerList }
  await callee.setRemoteDescription(offer.sdp)
  const answerCandidates = gathered(callee)
  await callee.setLocalDescription(await callee.createAnswer())
  const answerList = await answerCandidates
  const answer = { sdp: callee.localDescription.toJSON(), candidates: answerList }
  return { userAgent: navigator.userAgent, offer, answer }
}
run().then(
  (result) => fetch('/result', { method: 'POST', body: JSON.stringify(result) }),
  (error) => fetch('/result', { method: 'POST', body: JSON.stringify({ error: String(error) }) }),
)
</script>`

function serve() {
  let deliver
  const result = new Promise((resolve) => (deliver = resolve))
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        res.end('ok')
        deliver(JSON.parse(body))
      })
      return
    }
    res.setHeader('content-type', 'text/html')
    res.end(PAGE)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({ url: `http://localhost:${port}/`, result, close: () => server.close() })
    }),
  )
}

function save(name, capture) {
  if (capture.error) throw new Error(`${name}: ${capture.error}`)
  const tutorialBundle = (signal) => JSON.stringify(signal, null, 2)
  const fixture = {
    ...capture,
    tutorialChars: {
      offer: tutorialBundle(capture.offer).length,
      answer: tutorialBundle(capture.answer).length,
    },
  }
  writeFileSync(new URL(`${name}.json`, OUT), `${JSON.stringify(fixture, null, 2)}\n`)
  console.log(
    `${name}: offer ${fixture.tutorialChars.offer} chars, answer ${fixture.tutorialChars.answer}`,
  )
}

async function captureChromium() {
  const { url, result, close } = await serve()
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const page = await browser.newPage()
  await page.goto(url)
  save('chromium', await result)
  await browser.close()
  close()
}

const FIREFOX_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'browser.shell.checkDefaultBrowser': false,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
}

async function captureFirefox() {
  if (spawnSync('sh', ['-c', 'command -v firefox-esr']).status !== 0) {
    console.log('firefox-esr not found: skipped (apt-get install firefox-esr)')
    return
  }
  const { url, result, close } = await serve()
  const profile = mkdtempSync(join(tmpdir(), 'p2p-firefox-'))
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(FIREFOX_PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  )
  const firefox = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, url], {
    stdio: 'ignore',
  })
  const timeout = setTimeout(() => firefox.kill(), 60_000)
  try {
    save('firefox', await result)
  } finally {
    clearTimeout(timeout)
    firefox.kill()
    close()
    rmSync(profile, { recursive: true, force: true })
  }
}

mkdirSync(OUT, { recursive: true })
await captureChromium()
await captureFirefox()
