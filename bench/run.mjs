#!/usr/bin/env node
/* global window -- the page.evaluate and waitForFunction callbacks run in the page */
// `npm run bench`: the benchmark suite, in headless Chromium inside the tests' network namespace.
// Prints a table and writes bench-results/latest.json. Options: --runs N (connect runs, default 7),
// --quick (3 runs, no 40 s silent-STUN wait for the raw flow); --mqtt [--pairs N] runs the MQTT
// signaling load test (bench/mqttLoad.mjs) instead.
import { createSocket } from 'node:dgram'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { chromium } from 'playwright'
import { createServer } from 'vite'
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs'
import { measureSignalSizes } from './signalSizes.mjs'
import { measureSizes } from './sizes.mjs'
import { measureStunTiming } from './stunTiming.mjs'
import { measureTwoTabs } from './twoTabs.mjs'

const args = process.argv.slice(2)
// `--mqtt`: the MQTT signaling load test instead (bench/mqttLoad.mjs; `--pairs N`).
if (args.includes('--mqtt')) {
  await import('./mqttLoad.mjs')
  process.exit(0)
}
const quick = args.includes('--quick')
const runsArg = args.indexOf('--runs')
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 3 : 7

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const ms = (value) => `${Math.round(value)} ms`
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`

const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node ${process.version}`,
  runs: RUNS,
}

console.log('[bench] bundle sizes…')
results.sizes = await measureSizes()

// A STUN server that never answers, on loopback.
const silent = createSocket('udp4')
silent.on('message', () => {})
await new Promise((resolve) => silent.bind(0, '127.0.0.1', resolve))
const silentStun = `stun:127.0.0.1:${silent.address().port}`

const server = await createServer({ server: { port: 0 }, logLevel: 'error' })
await server.listen()
console.log('[bench] signal sizes with the defaults and with 18 candidates…')
results.signalSizes = await measureSignalSizes(server)
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
results.browser = `Chromium ${browser.version()}`
try {
  const page = await browser.newPage()
  page.on('pageerror', (error) => console.error('[bench] page error:', error.message))
  await page.goto(new URL('/bench/index.html', server.resolvedUrls.local[0]).href)
  await page.waitForFunction(() => 'bench' in window)
  const bench = (name, ...params) =>
    page.evaluate(([fn, list]) => window.bench[fn](...list), [name, params])

  // Warm-up: the first camera start and connection of a page are slower for everyone.
  await bench('connectOnce', 'raw')

  console.log(`[bench] connect time, ${RUNS} runs each, interleaved…`)
  const connect = { raw: [], kit: [], 'simple-peer': [] }
  for (let run = 0; run < RUNS; run++) {
    for (const approach of Object.keys(connect))
      connect[approach].push(await bench('connectOnce', approach))
  }
  results.connect = Object.fromEntries(
    Object.entries(connect).map(([approach, list]) => [
      approach,
      { medianMs: median(list.map((r) => r.connectMs)), runs: list },
    ]),
  )

  console.log('[bench] offer ready with a silent STUN server…')
  const kitSilent = []
  for (let run = 0; run < 3; run++)
    kitSilent.push(await bench('offerReadyWithSilentStun', 'kit', silentStun))
  const rawSilent = quick ? null : await bench('offerReadyWithSilentStun', 'raw', silentStun)
  results.silentStun = { kitMs: median(kitSilent), kitRuns: kitSilent, rawMs: rawSilent }
  console.log('[bench] when STUN answers arrive, by round trip…')
  results.stunTiming = await measureStunTiming(page)

  console.log('[bench] React commits over one call setup…')
  results.reactCommits = await bench('reactCommits')

  console.log('[bench] cost of one stats poll…')
  results.statsPoll = await bench('statsPollCost')

  console.log('[bench] Create offer click → signal ready…')
  const click = { raw: [], 'kit-cold': [], 'kit-warm': [] }
  for (let run = 0; run < Math.max(3, Math.min(RUNS, 5)); run++) {
    for (const approach of Object.keys(click))
      click[approach].push(await bench('clickToReady', approach))
  }
  results.clickToReady = Object.fromEntries(
    Object.entries(click).map(([approach, list]) => [
      approach,
      { medianMs: median(list), runs: list },
    ]),
  )
  // What a person waits for: two tabs each, the demo's production build against the tutorial's
  // lab page, from the Complete connection click to the first frame on the Remote video.
  console.log(`[bench] two tabs: Complete connection → first remote frame, ${RUNS} runs each…`)
  results.twoTabs = await measureTwoTabs(browser, { runs: RUNS })
} finally {
  await browser.close()
  await server.close()
  silent.close()
}

// --- the table ---
// The kit's public components (and the layout's thin per-slice wrappers), as React names them.
const KIT_COMPONENTS = new Set([
  'VideoCall',
  'VideoCallLayout',
  'LocalVideo',
  'RemoteVideo',
  'StreamVideo',
  'SessionRemoteVideo',
  'SessionRemoteScreen',
  'SessionStatePanel',
  'ConnectionStatePanel',
  'CallControls',
  'RoleChoice',
  'SignalingPicker',
  'SignalFormatPicker',
  'LocalSignalBox',
  'RemoteSignalInput',
  'GatheringProgress',
  'ErrorAlert',
  'SignalQrCode',
])
const c = results.connect
const first = (approach) => c[approach].runs[0]
const t = results.twoTabs
const breakdown = (s) =>
  `decode ${ms(s.decode)}, setRemoteDescription ${ms(s.setRemoteDescription)}, → connected ${ms(s.toConnected)}, → frame ${ms(s.connectedToFrame)}; long tasks ${ms(s.longTaskMs)}`
const rows = [
  ['0. two tabs: Complete connection click → first frame on Remote video (production build)', ''],
  [
    '   raw API (the tutorial lab page), median / p90',
    `${ms(t.raw.firstFrame.median)} / ${ms(t.raw.firstFrame.p90)}`,
  ],
  [
    '   react-p2p-call (the demo), median / p90',
    `${ms(t.kit.firstFrame.median)} / ${ms(t.kit.firstFrame.p90)} (${(t.kit.firstFrame.median / t.raw.firstFrame.median).toFixed(2)}× / ${(t.kit.firstFrame.p90 / t.raw.firstFrame.p90).toFixed(2)}× raw)`,
  ],
  ['     raw, medians', breakdown(t.raw)],
  ['     react-p2p-call, medians', breakdown(t.kit)],
  [
    '1. one page, both peers: answer applied → first remote frame (median; not what a person waits for)',
    '',
  ],
  ['   raw API (tutorial flow)', ms(c.raw.medianMs)],
  [
    '   react-p2p-call',
    `${ms(c.kit.medianMs)} (${(c.kit.medianMs / c.raw.medianMs).toFixed(2)}× raw)`,
  ],
  [
    '   simple-peer, trickle: false',
    `${ms(c['simple-peer'].medianMs)} (${(c['simple-peer'].medianMs / c.raw.medianMs).toFixed(2)}× raw)`,
  ],
  ['2. offer ready, STUN server silent', ''],
  [
    '   raw API (waits for gathering complete)',
    results.silentStun.rawMs === null ? 'skipped (--quick)' : ms(results.silentStun.rawMs),
  ],
  [
    '   react-p2p-call (gathering budget)',
    `${ms(results.silentStun.kitMs)}${results.silentStun.rawMs ? ` (${(results.silentStun.rawMs / results.silentStun.kitMs).toFixed(0)}× sooner)` : ''}`,
  ],
  ...results.stunTiming.map((r) => [
    `   STUN round trip ${r.rttMs} ms: host / srflx candidate / signal ready`,
    `${ms(r.hostMs)} / ${r.srflxMs === null ? 'none' : ms(r.srflxMs)} / ${ms(r.signalMs)} (${r.carriesSrflx ? 'carries the srflx' : 'host only'})`,
  ]),
  [
    '3. signal sizes (chars): offer / answer; first the live call in the test namespace (3 host candidates)',
    '',
  ],
  [
    '   tutorial bundle (pretty JSON, raw flow)',
    `${first('raw').offerChars} / ${first('raw').answerChars}`,
  ],
  ['   react-p2p-call JSON', `${first('kit').jsonOfferChars} / ${first('kit').jsonAnswerChars}`],
  [
    '   react-p2p-call compact',
    `${first('kit').offerChars} / ${first('kit').answerChars} (${(first('raw').offerChars / first('kit').offerChars).toFixed(1)}× / ${(first('raw').answerChars / first('kit').answerChars).toFixed(1)}× smaller than the tutorial's)`,
  ],
  [
    '   simple-peer (its JSON signal)',
    `${first('simple-peer').offerChars} / ${first('simple-peer').answerChars}`,
  ],
  ...results.signalSizes.flatMap((r) => [
    [
      `   ${r.candidates === 2 ? 'defaults (host + srflx)' : `${r.candidates} candidates`}: template (p2p2) offer / answer`,
      `${r.offer.templateChars} / ${r.answer.templateChars} (tutorial bundle ${r.offer.tutorialChars} / ${r.answer.tutorialChars}: ${(r.offer.tutorialChars / r.offer.templateChars).toFixed(0)}× / ${(r.answer.tutorialChars / r.answer.templateChars).toFixed(0)}× smaller; deflate p2p1 ${r.offer.deflateChars} / ${r.answer.deflateChars})`,
    ],
    [
      `     offer's share link (https://192.168.1.23:5173/…): QR version at M`,
      `${r.qrVersion} (${r.linkChars} chars; with p2p1: version ${r.deflateQrVersion})`,
    ],
  ]),
  ['4. bundle size, min + gzip (React external)', ''],
  ...results.sizes.map((s) => [`   ${s.name}`, `${kb(s.gzipBytes)} gzip (${kb(s.minBytes)} min)`]),
  ['5. one call setup through the UI (caller + callee)', ''],
  ['   <VideoCall /> ×2: React commits', String(results.reactCommits.videoCall.commits)],
  ...Object.entries(results.reactCommits.videoCall.renders)
    .filter(([name]) => KIT_COMPONENTS.has(name))
    .map(([name, n]) => [`     renders of ${name}`, String(n)]),
  [
    '   composed call (README example) ×2: React commits',
    String(results.reactCommits.composed.commits),
  ],
  [
    '   one Call stats poll (getStats + summary), median / max',
    `${results.statsPoll.medianMs.toFixed(1)} ms / ${results.statsPoll.maxMs.toFixed(1)} ms (${((results.statsPoll.medianMs / 1000) * 100).toFixed(2)} % of a core at 1 poll/s)`,
  ],
  ['6. Create offer click → signal ready (median)', ''],
  ['   raw API (getUserMedia + gathering complete)', ms(results.clickToReady.raw.medianMs)],
  ['   react-p2p-call, camera starts on the click', ms(results.clickToReady['kit-cold'].medianMs)],
  [
    '   react-p2p-call, preview on for 1 s (prepared)',
    ms(results.clickToReady['kit-warm'].medianMs),
  ],
]
const width = Math.max(...rows.map(([label]) => label.length))
console.log(
  `\nreact-p2p-call benchmarks — ${results.browser}, ${results.machine}, ${RUNS} connect runs\n`,
)
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true })
writeFileSync(
  new URL('../bench-results/latest.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
)
console.log('\n[bench] wrote bench-results/latest.json')
