/* global document, Image -- the waitForFunction and evaluate callbacks run in the page */
// Drives the demo in real Chromium as people would — a laptop tab (1280×800) calling a phone
// (390×844, touch) that opens the share link — through a copy-paste call, then a Same browser call
// with a shared screen, then a call in Chinese, and saves the README's screenshots in docs/.
// `npm run screenshot` (inside the test namespace). Fails if any step or label is missing.
import { mkdir } from 'node:fs/promises'
import { chromium } from 'playwright'
import { createServer } from 'vite'
import { startBroker } from '../server/broker.mjs'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

const OUT = new URL('../docs/', import.meta.url)
// On every interface, as `npm run start:https` is: the laptop's share link names the network address.
const server = await createServer({
  server: { port: 5199, strictPort: false, host: true },
  logLevel: 'error',
})
await server.listen()
const url = `${server.resolvedUrls.local[0]}?stun=`
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
const saved = []
const shot = async (target, name) => {
  await target.screenshot({ path: new URL(name, OUT).pathname })
  saved.push(name)
}
const playing = (page, label = 'Remote video') =>
  page.waitForFunction(
    (name) => {
      const video = document.querySelector(`video[aria-label="${name}"]`)
      return video && video.videoWidth > 0 && video.currentTime > 1
    },
    label,
    { timeout: 20_000 },
  )

try {
  await mkdir(OUT, { recursive: true })
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  })
  const caller = await laptop.newPage()
  await caller.goto(url)

  // The lobby: preview on, the invite made.
  await caller.getByRole('button', { name: 'Start camera' }).click()
  await caller.getByRole('meter', { name: 'Microphone level' }).waitFor()
  await caller.getByRole('button', { name: 'Create offer' }).click()
  const localSignal = (page) => page.getByRole('textbox', { name: 'Local signal' })
  await localSignal(caller).waitFor({ timeout: 20_000 })
  const offer = await localSignal(caller).inputValue()
  await caller.waitForTimeout(1200)
  await shot(caller, 'demo-lobby.png')

  // The offer as a QR code, as a phone would scan it.
  await caller.getByRole('button', { name: 'Show QR code' }).click()
  await caller.locator('svg[aria-label="Signal QR code"][aria-busy="false"]').waitFor()
  await caller
    .locator('.rpc-lobby__card')
    .screenshot({ path: new URL('demo-offer-qr.png', OUT).pathname })
  saved.push('demo-offer-qr.png')
  await caller.getByRole('button', { name: 'Hide QR code' }).click()

  // The phone opens the share link: "You are invited", Create answer in view.
  const callee = await phone.newPage()
  await callee.goto(`${url}#offer=${encodeURIComponent(offer)}`)
  const answerButton = callee.getByRole('button', { name: 'Create answer' })
  await answerButton.waitFor()
  const box = await answerButton.boundingBox()
  if (!box || box.y + box.height > 844)
    throw new Error(`Create answer is below the fold: ${JSON.stringify(box)}`)
  await shot(callee, 'demo-phone-invited.png')
  await answerButton.click()
  await localSignal(callee).waitFor({ timeout: 20_000 })
  const answer = await localSignal(callee).inputValue()

  // The phone shows its answer as a QR code; the laptop reads it with Scan QR code: no paste.
  // The laptop's scanner camera films the phone's QR code (its screenshot, on a canvas: the fake
  // camera shows only a test pattern).
  await callee.getByRole('button', { name: 'Show QR code' }).click()
  const answerQr = callee.locator('svg[aria-label="Signal QR code"][aria-busy="false"]')
  await answerQr.waitFor()
  await answerQr.scrollIntoViewIfNeeded()
  await shot(callee, 'demo-phone-answer-qr.png')
  const picture = (await answerQr.screenshot()).toString('base64')
  await caller.evaluate(async (png) => {
    const image = new Image()
    image.src = `data:image/png;base64,${png}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 480
    const context = canvas.getContext('2d')
    setInterval(() => {
      context.fillStyle = '#333'
      context.fillRect(0, 0, 640, 480)
      context.drawImage(image, 120, 40, 400, 400)
    }, 100)
    const devices = navigator.mediaDevices
    const open = devices.getUserMedia.bind(devices)
    devices.getUserMedia = (constraints) =>
      constraints?.video?.facingMode ? Promise.resolve(canvas.captureStream(10)) : open(constraints)
  }, picture)
  await caller.getByRole('button', { name: 'Scan QR code' }).click()
  await playing(callee)
  await caller.bringToFront()
  await playing(caller)
  await caller.waitForTimeout(1500)
  await shot(caller, 'demo-call.png')
  await shot(callee, 'demo-phone-call.png')

  // Details, with the Call stats of the real call once it has a few seconds of history.
  await caller.getByRole('button', { name: 'Details' }).click()
  const stats = caller.getByRole('region', { name: 'Call stats' })
  await caller.waitForFunction(
    () => document.querySelectorAll('.rpc-stats polyline').length >= 3,
    null,
    { timeout: 20_000 },
  )
  await caller.waitForTimeout(3000)
  await stats.screenshot({ path: new URL('call-stats.png', OUT).pathname })
  saved.push('call-stats.png')
  await shot(caller, 'demo-details.png')
  console.log(`[screenshot] offer ${offer.length} chars, answer ${answer.length} chars (compact)`)

  // A second call with no paste: Same browser signaling, then a screen share over the data channel.
  const left = await laptop.newPage()
  const right = await laptop.newPage()
  await Promise.all([left.goto(url), right.goto(url)])
  for (const page of [left, right]) {
    await page.getByRole('combobox', { name: 'Signaling' }).selectOption({ label: 'Same browser' })
    await page.getByRole('textbox', { name: 'Room' }).fill('screenshot')
    await page.getByText('Ready: open the same room').waitFor()
  }
  await left.getByRole('button', { name: 'Start call' }).click()
  // A tab in the background plays no video: look at it as a person would.
  await right.bringToFront()
  await playing(right)
  await left.bringToFront()
  await left.getByRole('button', { name: 'Share screen' }).click()
  await right.bringToFront()
  try {
    await playing(right, 'Remote screen')
  } catch (error) {
    await right.screenshot({ path: '/tmp/look/fail-right.png' })
    await left.screenshot({ path: '/tmp/look/fail-left.png' })
    throw error
  }
  await shot(right, 'demo-screen-share.png')

  // A call through an MQTT broker (npm run broker's mosquitto, its default address): the laptop as
  // alice, the phone as bob, no paste.
  const broker = await startBroker()
  try {
    const alice = await laptop.newPage()
    const bob = await phone.newPage()
    await Promise.all([alice.goto(url), bob.goto(url)])
    for (const [page, user, password] of [
      [alice, 'alice', 'alice-dev'],
      [bob, 'bob', 'bob-dev'],
    ]) {
      await page.getByRole('combobox', { name: 'Signaling' }).selectOption({ label: 'MQTT broker' })
      await page.getByRole('textbox', { name: 'Room' }).fill('standup')
      await page.getByRole('textbox', { name: 'Username' }).fill(user)
      await page.getByLabel('Password').fill(password)
      await page.getByText('Ready: open the same room').waitFor({ timeout: 15_000 })
    }
    await shot(bob, 'demo-phone-mqtt.png')
    await alice.getByRole('button', { name: 'Start call' }).click()
    await bob.bringToFront()
    await playing(bob)
    await alice.bringToFront()
    await playing(alice)
    await alice.getByRole('button', { name: 'Details' }).click()
    await alice.getByText('Signaling channel: open').waitFor()
    await shot(alice, 'demo-mqtt-call.png')
    await alice.getByRole('button', { name: 'Hang up' }).click()
  } finally {
    await broker.stop()
  }

  // A copy-paste call in Chinese (?lang=zh-CN): every label and hint from MESSAGES_ZH_CN.
  // (Chinese text needs a CJK font on the machine, e.g. Debian's fonts-wqy-microhei.)
  const zh = `${url}&lang=zh-CN`
  const zhCaller = await laptop.newPage()
  const zhCallee = await laptop.newPage()
  await Promise.all([zhCaller.goto(zh), zhCallee.goto(zh)])
  await zhCaller.getByRole('button', { name: '创建 Offer' }).click()
  await localSignal(zhCaller)
    .or(zhCaller.getByRole('textbox', { name: '本地信令' }))
    .waitFor()
  const zhOffer = await zhCaller.getByRole('textbox', { name: '本地信令' }).inputValue()
  await zhCallee.getByRole('radio', { name: '被叫方' }).check()
  await zhCallee.getByRole('textbox', { name: '远端信令' }).fill(zhOffer)
  await zhCallee.getByRole('button', { name: '创建 Answer' }).click()
  await zhCallee.getByRole('textbox', { name: '本地信令' }).waitFor({ timeout: 20_000 })
  await zhCaller
    .getByRole('textbox', { name: '远端信令' })
    .fill(await zhCallee.getByRole('textbox', { name: '本地信令' }).inputValue())
  await zhCaller.getByRole('button', { name: '完成连接' }).click()
  await zhCaller.bringToFront()
  await playing(zhCaller, '远端视频')
  await zhCaller.getByRole('button', { name: '详情' }).click()
  await zhCaller
    .getByRole('status', { name: '连接状态' })
    .getByText('connection: connected')
    .waitFor({ timeout: 20_000 })
  await shot(zhCaller, 'demo-zh-CN.png')
  console.log(`[screenshot] saved ${saved.map((name) => `docs/${name}`).join(', ')}`)
} finally {
  await browser.close()
  await server.close()
}
