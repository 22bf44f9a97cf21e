/* global window, document, Element, HTMLMediaElement, requestAnimationFrame, RTCPeerConnection -- the init script runs in the pages */
// What a person waits for: two tabs, a copy-paste call, from the **Complete connection** click to
// the first frame of the other person's video on the caller's side. The kit's demo (production
// build) against the tutorial's lab page with the raw API (bench/raw.html), each in a tab pair of
// its own, runs interleaved. Both pages get the same instrumentation (an init script): the click,
// setRemoteDescription (start and end), `connected`, and the first frame of the first remote track
// on the page's own Remote video element (requestVideoFrameCallback), as the person sees it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
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
    received: null,
    presented: null,
    displayed: null,
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
      // Any video (a call view made ahead names its videos only when it shows them): the one that
      // turns out to be the Remote video is looked up when its first frame is watched.
      if (value && marks.click !== null) this.__attachedAt ??= performance.now()
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
      marks.remoteAttached = video.__attachedAt ?? null
      video.requestVideoFrameCallback((_, meta) => {
        if (marks.frame !== null) return
        marks.frame = performance.now()
        // A WebRTC frame says when its last packet came and when it went to the compositor: the
        // sender and network apart from this tab's own part.
        marks.received = meta.receiveTime ?? null
        marks.presented = meta.presentationTime
        // When the compositor shows it: video frames reach the screen without the page's main
        // thread, so this is what the person sees, however busy the page's scripts are then.
        marks.displayed = meta.expectedDisplayTime
      })
    }
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
export const p90 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.9) - 1]
const spread = (values) => ({
  median: median(values),
  p90: p90(values),
  mean: values.reduce((sum, t) => sum + t, 0) / values.length,
})

/** The window after the click in which the renderers' processor time is added up. */
const CPU_WINDOW_MS = 600

/** Milliseconds of processor time used so far by the browser's renderer processes. */
async function rendererCpu(context) {
  const cdp = await context.browser().newBrowserCDPSession()
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo')
    return processInfo
      .filter((p) => p.type === 'renderer')
      .reduce((sum, p) => sum + p.cpuTime * 1000, 0)
  } finally {
    await cdp.detach()
  }
}

/** From the paste to the click, as a person takes at least (the same for both pages). */
const PASTE_TO_CLICK_MS = 500

/** The kit's page writes its signals as the tutorial's JSON (Details → Signal format), which the raw page reads. */
async function writeJson(page) {
  await page.getByRole('button', { name: 'Details' }).click()
  await page.getByRole('combobox', { name: 'Signal format' }).selectOption('json')
  await page.getByRole('button', { name: 'Close details' }).click()
}

/**
 * One copy-paste call between two tabs of `context`; the caller's marks. `pair` gives each side's
 * URL and page kind ('kit' or 'raw'): a kit page calls a raw one only with `json`.
 */
async function oneCall(context, pair) {
  const { caller: callerSide, callee: calleeSide, json } = pair
  const [caller, callee] = [await context.newPage(), await context.newPage()]
  try {
    await Promise.all([caller.goto(callerSide.url), callee.goto(calleeSide.url)])
    if (json) {
      for (const [page, side] of [
        [caller, callerSide],
        [callee, calleeSide],
      ]) {
        if (side.kind === 'kit') await writeJson(page)
      }
    }
    const kind = calleeSide.kind
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
    // The processor time both tabs' renderers (main threads, WebRTC threads, compositors) use in
    // the CPU_WINDOW_MS after the click: work, where "main thread busy" also counts waiting for a
    // core.
    const cpu = await rendererCpu(context)
    const clicked = Date.now()
    await caller.getByRole('button', { name: 'Complete connection' }).click()
    await caller.waitForFunction(() => window.__marks.frame !== null, undefined, {
      timeout: 20_000,
    })
    await caller.waitForTimeout(Math.max(0, CPU_WINDOW_MS - (Date.now() - clicked)))
    const rendererCpuMs = (await rendererCpu(context)) - cpu
    return { ...(await caller.evaluate(() => window.__marks)), rendererCpuMs }
  } finally {
    await caller.close()
    await callee.close()
  }
}

/** Builds the demo and the raw page of `root` (production) and serves them; resolves the base URL. */
export async function serveBuild(root) {
  const outDir = mkdtempSync(join(tmpdir(), 'p2p-two-tabs-'))
  await build({
    root,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          main: join(root, 'index.html'),
          raw: join(root, 'bench/raw.html'),
          // Not in every commit `--against` may build.
          ...(existsSync(join(root, 'bench/hooks.html'))
            ? { hooks: join(root, 'bench/hooks.html') }
            : {}),
        },
      },
    },
  })
  const server = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  })
  const close = async () => {
    await new Promise((resolve) => server.httpServer.close(resolve))
    rmSync(outDir, { recursive: true, force: true })
  }
  return { base: server.resolvedUrls.local[0], close }
}

/** A checkout of `ref` beside this one (its node_modules shared), removed by `remove()`. */
export function worktreeOf(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'p2p-against-'))
  rmSync(dir, { recursive: true, force: true })
  try {
    execFileSync('git', ['worktree', 'add', '--detach', '--quiet', dir, ref], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
  } catch (error) {
    const said = String(error.stderr ?? error.message).trim()
    throw new Error(
      `--against ${ref}: git could not check it out (${said}). Give a commit, a branch or HEAD.`,
      { cause: error },
    )
  }
  const remove = () =>
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' })
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  } catch (error) {
    remove()
    throw error
  }
  return { dir, remove }
}

/**
 * Builds the demo and the raw page (production), serves them, and times `runs` calls of each,
 * interleaved. With `against` (a git ref), the demo of that commit runs too, in the same rotation:
 * on a shared machine, two separate runs of the same code differ by more than most changes do.
 * Resolves medians and p90 of click → first frame, and the breakdown. `rawQuery` (e.g.
 * `?busy=caller`) runs the raw page as an experiment (bench/rawPage.ts).
 */
export async function measureTwoTabs(
  browser,
  { runs = 7, against, rawQuery = '', mixed = false, hooks = false } = {},
) {
  const checkout = against ? worktreeOf(against) : null
  const servers = []
  const samples = {
    kit: [],
    raw: [],
    against: [],
    kitToRaw: [],
    rawToKit: [],
    hooks: [],
    againstHooks: [],
  }
  const context = await browser.newContext()
  try {
    const here = await serveBuild(ROOT)
    servers.push(here)
    const raw = new URL(`bench/raw.html${rawQuery}`, here.base).href
    const urls = { kit: `${here.base}?stun=`, raw }
    let thereBase = null
    if (checkout) {
      const there = await serveBuild(checkout.dir)
      servers.push(there)
      urls.against = `${there.base}?stun=`
      thereBase = there.base
    }
    await context.addInitScript(instrument)
    const side = (kind) => ({ url: urls[kind], kind: kind === 'raw' ? 'raw' : 'kit' })
    const pairs = Object.fromEntries(
      Object.keys(urls).map((kind) => [
        kind,
        { caller: side(kind), callee: side(kind), json: mixed },
      ]),
    )
    // `mixed`: which side the kit's extra time is on, with a kit tab calling a raw one and back
    // (every kit page then writes the tutorial's JSON, the only signal the raw page reads).
    if (mixed) {
      pairs.kitToRaw = { caller: side('kit'), callee: side('raw'), json: true }
      pairs.rawToKit = { caller: side('raw'), callee: side('kit'), json: true }
    }
    // `hooks`: the README's call composed from the hooks (bench/hooks.html), without VideoCall.
    // With `against`, that commit's hooks page too, when it has one.
    const hooksPair = (base) => {
      const page = new URL('bench/hooks.html', base).href
      return {
        caller: { url: page, kind: 'hooks' },
        callee: { url: `${page}?role=callee`, kind: 'hooks' },
        json: false,
      }
    }
    if (hooks) pairs.hooks = hooksPair(here.base)
    if (hooks && checkout && existsSync(join(checkout.dir, 'bench/hooks.html'))) {
      pairs.againstHooks = hooksPair(thereBase)
    }
    const kinds = Object.keys(pairs)
    // Warm-up: the first camera start and connection of a browser are slower for everyone.
    for (const kind of kinds) await oneCall(context, pairs[kind])
    for (let run = 0; run < runs; run++) {
      // Each kind goes first, in the middle and last equally often.
      const order = kinds.map((_, i) => kinds[(i + run) % kinds.length])
      for (const kind of order) samples[kind].push(await oneCall(context, pairs[kind]))
    }
  } finally {
    await context.close()
    for (const server of servers) await server.close()
    checkout?.remove()
  }
  const summary = (list) => {
    const of = (pick) => list.map(pick)
    return {
      // The frame is seen at a rendering step of the page (60 Hz) after the camera's next frame
      // (30 fps): the times bunch about 16 ms apart, and the median jumps with the bunch it
      // falls in; the mean moves with every run.
      firstFrame: spread(of((m) => m.frame - m.click)),
      // The first frame on screen (the compositor's expected display time), which the page's own
      // script learns of only at its next rendering step (firstFrame, above).
      onScreen: spread(of((m) => m.displayed - m.click)),
      decode: median(of((m) => m.srdStart - m.click)),
      setRemoteDescription: median(of((m) => m.srdEnd - m.srdStart)),
      toConnected: median(of((m) => m.connected - m.srdEnd)),
      connectedToFrame: median(of((m) => m.frame - m.connected)),
      iceConnected: median(of((m) => m.iceConnected - m.click)),
      remoteAttached: median(of((m) => m.remoteAttached - m.click)),
      received: median(of((m) => m.received - m.click)),
      presented: median(of((m) => m.presented - m.click)),
      busyMs: median(of((m) => m.busy.reduce((sum, [, d]) => sum + d, 0))),
      longTaskMs: median(of((m) => m.longTasks.reduce((sum, [, d]) => sum + d, 0))),
      rendererCpuMs: median(of((m) => m.rendererCpuMs)),
      samples: list,
    }
  }
  return {
    runs,
    kit: summary(samples.kit),
    raw: summary(samples.raw),
    ...(against ? { against: summary(samples.against) } : {}),
    ...(mixed ? { kitToRaw: summary(samples.kitToRaw), rawToKit: summary(samples.rawToKit) } : {}),
    ...(hooks ? { hooks: summary(samples.hooks) } : {}),
    ...(samples.againstHooks.length ? { againstHooks: summary(samples.againstHooks) } : {}),
  }
}
