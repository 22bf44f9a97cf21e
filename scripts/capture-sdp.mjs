#!/usr/bin/env node
// Captures real offers and answers from Chromium and Firefox ESR into tests/fixtures/sdp/*.json,
// the fixtures of the compact codecs' round-trip tests and the source of the SDP templates
// (scripts/make-sdp-templates.mjs). Run it inside the tests' network namespace, so the browsers
// gather only there:
//
//   node scripts/test.mjs --exec node scripts/capture-sdp.mjs
//
// Captured: the tutorial's flow per engine, the kit's (max-bundle) per engine, a receive-only callee
// and a receive-only caller, and each engine answering the other's offer.
// Each fixture also holds the tutorial's pretty-printed `{sdp, candidates}` bundle of the same call,
// the baseline of the size comparison.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'
import { FIREFOX_PREFS } from './firefox.mjs'

const OUT = new URL('../tests/fixtures/sdp/', import.meta.url)

// The page runs jobs from the script: make an offer, or answer one (so each browser answers the
// other's offers too). Two flows: the tutorial's (balanced bundle, a data channel, camera and
// microphone) and the kit's (max-bundle, its negotiated data channel first, tracks with a stream;
// a callee without a camera answers receive-only).
const PAGE = `<!doctype html><meta charset="utf-8"><title>capture</title><script type="module">
async function gathered(pc) {
  const candidates = []
  await new Promise((resolve) => {
    pc.onicecandidate = (e) => (e.candidate ? candidates.push(e.candidate.toJSON()) : resolve())
    setTimeout(resolve, 15000)
  })
  return candidates
}
async function connection(flow, media) {
  const kit = flow === 'kit'
  const pc = new RTCPeerConnection({ iceServers: [], ...(kit ? { bundlePolicy: 'max-bundle' } : {}) })
  pc.createDataChannel(kit ? 'react-p2p-call' : 'chat', { negotiated: true, id: 0 })
  if (media) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
    for (const t of stream.getTracks()) pc.addTrack(t, stream)
  }
  return pc
}
async function run(job) {
  const pc = await connection(job.flow, job.media)
  if (job.offer) await pc.setRemoteDescription(job.offer.sdp)
  else if (!job.media) { pc.addTransceiver('audio', { direction: 'recvonly' }); pc.addTransceiver('video', { direction: 'recvonly' }) }
  const candidates = gathered(pc)
  await pc.setLocalDescription(job.offer ? await pc.createAnswer() : await pc.createOffer())
  const list = await candidates
  const signal = { sdp: pc.localDescription.toJSON(), candidates: list }
  // Kept open until the next job, as a caller waiting for its answer would be.
  return { userAgent: navigator.userAgent, signal }
}
for (;;) {
  const job = await (await fetch('/job')).json()
  if (job.done) break
  const result = await run(job).catch((error) => ({ error: String(error) }))
  await fetch('/result', { method: 'POST', body: JSON.stringify({ id: job.id, ...result }) })
}
</script>`

// One server per browser: it hands out jobs and resolves each with the page's result.
function serve() {
  const jobs = []
  const waiting = []
  const pending = new Map()
  let nextId = 0
  const server = createServer((req, res) => {
    if (req.url === '/job') {
      const give = (job) => res.end(JSON.stringify(job))
      const job = jobs.shift()
      if (job) give(job)
      else waiting.push(give)
      return
    }
    if (req.method === 'POST') {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        res.end('ok')
        const result = JSON.parse(body)
        pending.get(result.id)?.(result)
      })
      return
    }
    res.setHeader('content-type', 'text/html')
    res.end(PAGE)
  })
  const run = (job) =>
    new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      const full = { ...job, id }
      const give = waiting.shift()
      if (give) give(full)
      else jobs.push(full)
    }).then((result) => {
      if (result.error) throw new Error(result.error)
      return result
    })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({
        url: `http://localhost:${port}/`,
        run,
        close: () => {
          for (const give of waiting.splice(0)) give({ done: true })
          server.close()
        },
      })
    }),
  )
}

function save(name, offer, answer) {
  const tutorialBundle = (signal) => JSON.stringify(signal, null, 2)
  const fixture = {
    userAgent: offer.userAgent,
    ...(answer.userAgent !== offer.userAgent ? { answerUserAgent: answer.userAgent } : {}),
    offer: offer.signal,
    answer: answer.signal,
    tutorialChars: {
      offer: tutorialBundle(offer.signal).length,
      answer: tutorialBundle(answer.signal).length,
    },
  }
  writeFileSync(new URL(`${name}.json`, OUT), `${JSON.stringify(fixture, null, 2)}\n`)
  console.log(
    `${name}: offer ${fixture.tutorialChars.offer} chars, answer ${fixture.tutorialChars.answer}`,
  )
}

async function openChromium() {
  const server = await serve()
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const page = await browser.newPage()
  await page.goto(server.url)
  return {
    run: server.run,
    close: async () => {
      server.close()
      await browser.close()
    },
  }
}

async function openFirefox() {
  if (spawnSync('sh', ['-c', 'command -v firefox-esr']).status !== 0) {
    console.log('firefox-esr not found: its fixtures are skipped (apt-get install firefox-esr)')
    return null
  }
  const server = await serve()
  const profile = mkdtempSync(join(tmpdir(), 'p2p-firefox-'))
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(FIREFOX_PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  )
  const firefox = spawn(
    'firefox-esr',
    ['--headless', '--no-remote', '--profile', profile, server.url],
    { stdio: 'ignore' },
  )
  return {
    run: (job) =>
      Promise.race([
        server.run(job),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('firefox: no result')), 60_000),
        ),
      ]),
    close: async () => {
      server.close()
      firefox.kill()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

mkdirSync(OUT, { recursive: true })
const browsers = { chromium: await openChromium(), firefox: await openFirefox() }
try {
  for (const [name, browser] of Object.entries(browsers)) {
    if (!browser) continue
    // The tutorial's flow (the size comparison's baseline) and the kit's.
    for (const flow of ['tutorial', 'kit']) {
      const offer = await browser.run({ flow, media: true })
      const answer = await browser.run({ flow, media: true, offer: offer.signal })
      save(flow === 'tutorial' ? name : `${name}-kit`, offer, answer)
    }
    const offer = await browser.run({ flow: 'kit', media: true })
    save(
      `${name}-kit-recvonly`,
      offer,
      await browser.run({ flow: 'kit', media: false, offer: offer.signal }),
    )
    const recvOffer = await browser.run({ flow: 'kit', media: false })
    save(
      `${name}-kit-recvonly-caller`,
      recvOffer,
      await browser.run({ flow: 'kit', media: true, offer: recvOffer.signal }),
    )
  }
  // Each engine answering the other's offer.
  if (browsers.firefox) {
    for (const [from, to] of [
      ['chromium', 'firefox'],
      ['firefox', 'chromium'],
    ]) {
      const offer = await browsers[from].run({ flow: 'kit', media: true })
      save(
        `${from}-${to}-kit`,
        offer,
        await browsers[to].run({ flow: 'kit', media: true, offer: offer.signal }),
      )
    }
  }
} finally {
  for (const browser of Object.values(browsers)) await browser?.close()
}
