/* global document -- the waitForFunction callbacks run in the page */
// Drives the demo in two real Chromium tabs through a copy-paste call, as a person would, and saves
// screenshots of both tabs in docs/. Run it with `npm run screenshot` (inside the test namespace).
import { mkdir } from 'node:fs/promises'
import { chromium } from 'playwright'
import { createServer } from 'vite'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

const OUT = new URL('../docs/', import.meta.url)
const server = await createServer({ server: { port: 5199, strictPort: false }, logLevel: 'error' })
await server.listen()
const url = `${server.resolvedUrls.local[0]}?stun=`
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })

try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
  const caller = await context.newPage()
  const callee = await context.newPage()
  await Promise.all([caller.goto(url), callee.goto(url)])

  const localSignal = (page) => page.locator('textarea[readonly]')
  const waitForSignal = (page) =>
    page.waitForFunction(
      () => document.querySelector('textarea[readonly]')?.value.length > 0,
      null,
      { timeout: 20_000 },
    )

  await caller.getByRole('radio', { name: 'Caller' }).check()
  await caller.getByRole('button', { name: 'Create offer' }).click()
  await waitForSignal(caller)
  const offer = await localSignal(caller).inputValue()
  const jsonChars = await (async () => {
    const format = caller.getByRole('combobox', { name: 'Signal format' })
    await format.selectOption('json')
    await caller.waitForFunction(
      () => document.querySelector('textarea[readonly]')?.value[0] === '{',
    )
    const chars = (await localSignal(caller).inputValue()).length
    await format.selectOption('compact')
    await caller.waitForFunction(
      () => document.querySelector('textarea[readonly]')?.value[0] === 'p',
    )
    return chars
  })()

  // The offer as a QR code, as a phone would scan it.
  await caller.getByRole('button', { name: 'Show QR code' }).click()
  await caller.locator('svg[aria-label="Signal QR code"][aria-busy="false"]').waitFor()
  await mkdir(OUT, { recursive: true })
  await caller.screenshot({ path: new URL('demo-offer-qr.png', OUT).pathname, fullPage: true })
  await caller.getByRole('button', { name: 'Hide QR code' }).click()

  // The callee opens the share link: Callee is chosen and the offer is filled in.
  await callee.goto(`${url}#offer=${encodeURIComponent(offer)}`)
  await callee.getByRole('textbox', { name: 'Remote signal' }).waitFor()
  await callee.waitForFunction(
    (expected) => document.querySelector('textarea:not([readonly])')?.value === expected,
    offer,
  )
  if (!(await callee.getByRole('radio', { name: 'Callee' }).isChecked())) {
    throw new Error('the share link did not select Callee')
  }
  await callee.getByRole('button', { name: 'Create answer' }).click()
  await waitForSignal(callee)
  const answer = await localSignal(callee).inputValue()

  await caller.getByRole('textbox', { name: 'Remote signal' }).fill(answer)
  await caller.getByRole('button', { name: 'Complete connection' }).click()
  for (const page of [caller, callee]) {
    await page
      .getByRole('status', { name: 'Connection state' })
      .getByText('connection: connected')
      .waitFor({ timeout: 20_000 })
    await page.waitForFunction(
      () => {
        const video = document.querySelector('video[aria-label="Remote video"]')
        return video && video.videoWidth > 0 && video.currentTime > 1
      },
      null,
      { timeout: 20_000 },
    )
  }
  await mkdir(OUT, { recursive: true })
  // The Call stats panel of the real call, once it has a few seconds of history.
  const stats = caller.getByRole('region', { name: 'Call stats' })
  await caller.waitForFunction(
    () => document.querySelectorAll('.rpc-stats polyline').length >= 3,
    null,
    { timeout: 20_000 },
  )
  await caller.waitForTimeout(4000)
  await stats.screenshot({ path: new URL('call-stats.png', OUT).pathname })
  await caller.screenshot({ path: new URL('demo-caller.png', OUT).pathname, fullPage: true })
  await callee.screenshot({ path: new URL('demo-callee.png', OUT).pathname, fullPage: true })
  console.log(
    `[screenshot] offer ${offer.length} chars compact (${jsonChars} as JSON), answer ${answer.length} chars; saved docs/demo-caller.png, docs/demo-callee.png, docs/call-stats.png`,
  )

  // A second call with no paste: Same browser signaling, then a screen share over the data channel.
  await Promise.all([caller.reload(), callee.reload()])
  for (const page of [caller, callee]) {
    await page.getByRole('combobox', { name: 'Signaling' }).selectOption({ label: 'Same browser' })
    await page.getByRole('textbox', { name: 'Room' }).fill('screenshot')
    await page.getByText('Ready: open the same room').waitFor()
  }
  await caller.getByRole('button', { name: 'Start call' }).click()
  await callee
    .getByRole('status', { name: 'Connection state' })
    .getByText('connection: connected')
    .waitFor({ timeout: 20_000 })
  await caller.getByRole('button', { name: 'Share screen' }).click()
  await callee.waitForFunction(
    () => document.querySelector('video[aria-label="Remote screen"]')?.videoWidth > 0,
    null,
    { timeout: 20_000 },
  )
  await callee.screenshot({ path: new URL('demo-screen-share.png', OUT).pathname, fullPage: true })
  console.log('[screenshot] saved docs/demo-screen-share.png (Same browser call, screen shared)')

  // The same copy-paste call in Chinese (?lang=zh-CN): every label and hint from MESSAGES_ZH_CN.
  // (Chinese text needs a CJK font on the machine, e.g. Debian's fonts-wqy-microhei.)
  const zh = `${url}&lang=zh-CN`
  await Promise.all([caller.goto(zh), callee.goto(zh)])
  await caller.getByRole('button', { name: '创建 Offer' }).click()
  await waitForSignal(caller)
  await callee.getByRole('radio', { name: '被叫方' }).check()
  await callee
    .getByRole('textbox', { name: '远端信令' })
    .fill(await localSignal(caller).inputValue())
  await callee.getByRole('button', { name: '创建 Answer' }).click()
  await waitForSignal(callee)
  await caller
    .getByRole('textbox', { name: '远端信令' })
    .fill(await localSignal(callee).inputValue())
  await caller.getByRole('button', { name: '完成连接' }).click()
  await caller
    .getByRole('status', { name: '连接状态' })
    .getByText('connection: connected')
    .waitFor({ timeout: 20_000 })
  await caller.screenshot({ path: new URL('demo-zh-CN.png', OUT).pathname, fullPage: true })
  console.log('[screenshot] saved docs/demo-zh-CN.png (a copy-paste call in Chinese)')
} finally {
  await browser.close()
  await server.close()
}
