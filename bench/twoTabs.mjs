/* global window, document, Element, HTMLMediaElement, requestAnimationFrame, RTCPeerConnection -- the init script runs in the pages */
// What a person waits for: two tabs, a copy-paste call, from the **Complete connection** click to
// the first frame of the other person's video on the caller's side. The kit's demo (production
// build) against the tutorial's lab page with the raw API (bench/raw.html), each in a tab pair of
// its own, runs interleaved. Both pages get the same instrumentation (an init script): the click,
// setRemoteDescription (start and end), `connected`, and the first frame of the first remote track
// on the page's own Remote video element (requestVideoFrameCallback), as the person sees it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, preview } from 'vite'

const ROOT = new URL('..', import.meta.url).pathname

function instrument() {
  const marks = {
    click: null,
    srdStart: null,
    srdEnd: null,
    iceConnected: null,
    connected: null,
    remoteAttached: null,
    frame: null,
    longTasks: [],
    busy: [],
  }
  window.__marks = marks
  // The main thread's busy stretches after the click (gaps over 16 ms between two posted tasks):
  // renders under the long-task threshold that still hold events and frames back.
  const channel = new MessageChannel()
  let last = 0
  channel.port1.onmessage = () => {
    const now = performance.now()
    if (now - last > 16) marks.busy.push([Math.round(last - marks.click), Math.round(now - last)])
    last = now
    if (marks.frame === null) setTimeout(() => channel.port2.postMessage(0), 1)
  }
  // When the page gives its Remote video the other person's stream.
  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    ...srcObject,
    set(value) {
      if (
        value &&
        marks.click !== null &&
        marks.remoteAttached === null &&
        this.getAttribute('aria-label') === 'Remote video'
      )
        marks.remoteAttached = performance.now()
      srcObject.set.call(this, value)
    },
  })
  // Main-thread tasks over 50 ms after the click (a render that holds the events back).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (
        marks.click !== null &&
        marks.frame === null &&
        entry.startTime + entry.duration > marks.click
      ) {
        marks.longTasks.push([
          Math.round(entry.startTime - marks.click),
          Math.round(entry.duration),
        ])
      }
    }
  }).observe({ type: 'longtask', buffered: true })
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null
      if (target?.textContent?.includes('Complete connection')) {
        marks.click = last = performance.now()
        channel.port2.postMessage(0)
      }
    },
    true,
  )
  const Native = RTCPeerConnection
  const srd = Native.prototype.setRemoteDescription
  Native.prototype.setRemoteDescription = async function (...args) {
    if (marks.click !== null && marks.srdStart === null) marks.srdStart = performance.now()
    const result = await srd.apply(this, args)
    if (marks.click !== null && marks.srdEnd === null) marks.srdEnd = performance.now()
    return result
  }
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener('iceconnectionstatechange', () => {
        const connected = ['connected', 'completed'].includes(this.iceConnectionState)
        if (connected && marks.iceConnected === null) marks.iceConnected = performance.now()
      })
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected' && marks.connected === null) {
          marks.connected = performance.now()
        }
      })
    }
  }
  // The first frame the person sees: on the page's own remote video element, once it shows one.
  const watch = () => {
    if (marks.frame !== null) return
    const video = document.querySelector('video[aria-label="Remote video"]')
    if (marks.click !== null && video && video.srcObject && !video.__watched) {
      video.__watched = true
      video.requestVideoFrameCallback(() => {
        marks.frame ??= performance.now()
      })
    }
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.9) - 1]

/** From the paste to the click, as a person takes at least (the same for both pages). */
const PASTE_TO_CLICK_MS = 500

/** One copy-paste call between two tabs of `context`; the caller's marks. */
async function oneCall(context, url, kind) {
  const [caller, callee] = [await context.newPage(), await context.newPage()]
  try {
    await Promise.all([caller.goto(url), callee.goto(url)])
    const remote = (page) => page.getByRole('textbox', { name: 'Remote signal' })
    const filled = (page) =>
      page.waitForFunction(
        () => {
          const box = [...document.querySelectorAll('textarea')].find((t) => t.readOnly && t.value)
          return box?.value
        },
        undefined,
        { timeout: 20_000 },
      )
    await caller.getByRole('button', { name: 'Create offer' }).click()
    const offer = await (await filled(caller)).jsonValue()
    if (kind === 'kit') await callee.getByRole('radio', { name: 'Callee' }).check()
    await remote(callee).fill(offer)
    await callee.getByRole('button', { name: 'Create answer' }).click()
    const answer = await (await filled(callee)).jsonValue()
    await caller.bringToFront()
    await remote(caller).fill(answer)
    // A person's move from pasting to the button: the page may finish what the paste started.
    await caller.waitForTimeout(PASTE_TO_CLICK_MS)
    await caller.getByRole('button', { name: 'Complete connection' }).click()
    await caller.waitForFunction(() => window.__marks.frame !== null, undefined, {
      timeout: 20_000,
    })
    return await caller.evaluate(() => window.__marks)
  } finally {
    await caller.close()
    await callee.close()
  }
}

/**
 * Builds the demo and the raw page (production), serves them, and times `runs` calls of each.
 * Resolves medians and p90 of click → first frame, and the breakdown.
 */
export async function measureTwoTabs(browser, { runs = 7 } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'p2p-two-tabs-'))
  await build({
    root: ROOT,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: { main: join(ROOT, 'index.html'), raw: join(ROOT, 'bench/raw.html') },
      },
    },
  })
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  })
  const base = server.resolvedUrls.local[0]
  const urls = { kit: `${base}?stun=`, raw: new URL('bench/raw.html', base).href }
  const context = await browser.newContext()
  await context.addInitScript(instrument)
  const samples = { kit: [], raw: [] }
  try {
    // Warm-up: the first camera start and connection of a browser are slower for everyone.
    await oneCall(context, urls.raw, 'raw')
    await oneCall(context, urls.kit, 'kit')
    for (let run = 0; run < runs; run++) {
      for (const kind of run % 2 ? ['raw', 'kit'] : ['kit', 'raw']) {
        samples[kind].push(await oneCall(context, urls[kind], kind))
      }
    }
  } finally {
    await context.close()
    await new Promise((resolve) => server.httpServer.close(resolve))
    rmSync(outDir, { recursive: true, force: true })
  }
  const summary = (list) => {
    const of = (pick) => list.map(pick)
    return {
      firstFrame: {
        median: median(of((m) => m.frame - m.click)),
        p90: p90(of((m) => m.frame - m.click)),
      },
      decode: median(of((m) => m.srdStart - m.click)),
      setRemoteDescription: median(of((m) => m.srdEnd - m.srdStart)),
      toConnected: median(of((m) => m.connected - m.srdEnd)),
      connectedToFrame: median(of((m) => m.frame - m.connected)),
      iceConnected: median(of((m) => m.iceConnected - m.click)),
      remoteAttached: median(of((m) => m.remoteAttached - m.click)),
      busyMs: median(of((m) => m.busy.reduce((sum, [, d]) => sum + d, 0))),
      longTaskMs: median(of((m) => m.longTasks.reduce((sum, [, d]) => sum + d, 0))),
      samples: list,
    }
  }
  return { runs, kit: summary(samples.kit), raw: summary(samples.raw) }
}
