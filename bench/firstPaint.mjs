/* global window, document, MutationObserver -- instrument() and the evaluate callbacks run in the page */
// `npm run bench:first-paint [-- --runs N] [--against REF] [--fast]`: what a person waits for when
// the call page opens, on a phone's network and processor: from navigation to the first paint, to
// the camera preview's place on screen, and to **Create offer**, the way into a call. The demo's
// production build, a fresh browser profile per load (nothing cached), Chrome's "Fast 3G" (1.6 Mb/s
// down, 150 ms round trip) and a processor 4× slower (Lighthouse's phone); `--fast` drops both.
// `--against REF` loads that commit's demo in the same rotation. Timings are not test assertions.
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs'
import { median, p90, serveBuild, worktreeOf } from './twoTabs.mjs'

const args = process.argv.slice(2)
const valueOf = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const runs = Number(valueOf('--runs') ?? 9)
const against = valueOf('--against')
const fast = args.includes('--fast')
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs needs a whole number of loads, e.g. --runs 9')
  process.exit(2)
}
if (args.includes('--against') && !against) {
  console.error('--against needs a git ref: a commit, a branch or HEAD, e.g. --against HEAD~1')
  process.exit(2)
}

// In the page, from its first script on: when the preview and Create offer first exist.
function instrument() {
  const seen = {}
  window.__firstPaint = seen
  const look = () => {
    seen.preview ??= document.querySelector('video[aria-label="Local video"]')
      ? performance.now()
      : undefined
    const offer = [...document.querySelectorAll('button')].some(
      (b) => b.textContent?.trim() === 'Create offer',
    )
    if (offer) seen.createOffer ??= performance.now()
  }
  new MutationObserver(look).observe(document, { childList: true, subtree: true })
}

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  try {
    await context.addInitScript(instrument)
    const page = await context.newPage()
    if (!fast) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6e6 * 0.9) / 8,
        uploadThroughput: (750e3 * 0.9) / 8,
      })
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    }
    await page.goto(url)
    await page.waitForFunction(() => window.__firstPaint?.createOffer !== undefined, null, {
      timeout: 60_000,
    })
    return await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .reduce((sum, r) => sum + r.encodedBodySize, 0)
      return { ...window.__firstPaint, paint: paint?.startTime ?? NaN, scripts }
    })
  } finally {
    await context.close()
  }
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
const checkout = against ? worktreeOf(against) : null
const servers = []
const samples = { 'this tree': [] }
try {
  const here = await serveBuild(new URL('..', import.meta.url).pathname)
  servers.push(here)
  const urls = { 'this tree': `${here.base}?stun=` }
  if (checkout) {
    const there = await serveBuild(checkout.dir)
    servers.push(there)
    urls[against] = `${there.base}?stun=`
    samples[against] = []
  }
  const kinds = Object.keys(urls)
  for (const kind of kinds) await load(browser, urls[kind]) // warm-up
  for (let run = 0; run < runs; run++) {
    for (const kind of kinds.map((_, i) => kinds[(i + run) % kinds.length])) {
      samples[kind].push(await load(browser, urls[kind]))
    }
  }
} finally {
  await browser.close()
  for (const server of servers) await server.close()
  checkout?.remove()
}

// A load whose paint entry Chrome did not record (it happens under throttling) counts for the rest.
const ms = (all) => {
  const values = all.filter((v) => Number.isFinite(v))
  return `${Math.round(median(values))} / ${Math.round(p90(values))}`
}
console.log(
  `first paint, ${runs} loads each, ${fast ? 'no throttling' : 'Fast 3G and a 4× slower processor'} (median / p90 ms from navigation):`,
)
console.log(
  '| build | first paint | the preview | Create offer | scripts loaded by then (bytes over the wire) |',
)
console.log('| --- | --- | --- | --- | --- |')
for (const [kind, list] of Object.entries(samples)) {
  const of = (key) => list.map((s) => s[key])
  console.log(
    `| ${kind} | ${ms(of('paint'))} | ${ms(of('preview'))} | ${ms(of('createOffer'))} | ${Math.round(median(of('scripts')))} |`,
  )
}
