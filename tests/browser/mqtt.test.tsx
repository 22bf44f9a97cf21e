import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { randomId, VideoCall } from '../../src'
import {
  calls,
  defer,
  expectPlayingVideo,
  trackPeerConnections,
  waitForAlert,
  waitForLine,
  type CallUi,
} from './helpers'

// MQTT broker signaling through the call UI, against a real mosquitto (server/broker.mjs: its
// accounts alice, bob and guest, and the per-room ACL) started for this file in the test's namespace.
const available = await commands.brokerAvailable()
let url = ''

beforeAll(async () => {
  if (available) url = await commands.brokerStart()
}, 20_000)

afterAll(async () => {
  await commands.tabCrash()
  await commands.brokerKill()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const loadMqtt = () => import('../../src/mqtt')
const ACCOUNTS = { alice: 'alice-dev', bob: 'bob-dev', guest: 'guest-dev' } as const

/** What a person does: Signaling → MQTT broker, then Broker URL, Room, Username and Password. */
function chooseMqtt(call: CallUi, room: string, user: keyof typeof ACCOUNTS, password?: string) {
  const ui = within(call.region)
  fireEvent.change(ui.getByRole('combobox', { name: 'Signaling' }), { target: { value: 'mqtt' } })
  fireEvent.change(ui.getByRole('textbox', { name: 'Broker URL' }), { target: { value: url } })
  fireEvent.change(ui.getByRole('textbox', { name: 'Room' }), { target: { value: room } })
  fireEvent.change(ui.getByRole('textbox', { name: 'Username' }), { target: { value: user } })
  fireEvent.change(ui.getByLabelText('Password'), {
    target: { value: password ?? ACCOUNTS[user] },
  })
}

const ready = (call: CallUi) =>
  waitFor(() => expect(call.region.textContent).toContain('Ready: open the same room'), {
    timeout: 10_000,
  })

/** Two calls in one room on the broker; the first clicks Start call; both play video. */
async function mqttCall(room: string) {
  const pcs = trackPeerConnections()
  defer(pcs.restore)
  render(
    <>
      <VideoCall iceServers={[]} mqtt={loadMqtt} />
      <VideoCall iceServers={[]} mqtt={loadMqtt} />
    </>,
  )
  const [a, b] = calls() as [CallUi, CallUi]
  chooseMqtt(a, room, 'alice')
  chooseMqtt(b, room, 'bob')
  await ready(a)
  await ready(b)
  fireEvent.click(a.button('Start call'))
  await waitForLine(a, 'connection: connected')
  await waitForLine(b, 'connection: connected')
  await expectPlayingVideo(a.remoteVideo())
  await expectPlayingVideo(b.remoteVideo())
  return { a, b, pcs }
}

describe.skipIf(!available)('given MQTT broker signaling on a real mosquitto', () => {
  it('calls between two tabs with no paste, and a third tab is refused without touching the call', async () => {
    const room = `standup ${randomId()}`
    const { a, b, pcs } = await mqttCall(room)
    // Nothing was pasted: no Remote signal was ever filled in, and the calls have one connection each.
    expect(pcs.created).toHaveLength(2)

    render(<VideoCall iceServers={[]} mqtt={loadMqtt} />)
    const c = calls()[2] as CallUi
    chooseMqtt(c, room, 'alice')
    await waitForAlert(c, 'This room already has two people in it.', 10_000)
    await waitForAlert(c, 'Choose another Room name')
    expect(c.queryButton('Start call')).toBeNull()
    await sleep(500)
    expect(a.statePanel().textContent).toContain('connection: connected')
    expect(b.statePanel().textContent).toContain('connection: connected')
    await expectPlayingVideo(b.remoteVideo())
  }, 60_000)

  it('goes on when the broker dies (media is peer to peer) and reconnects the channel when it is back', async () => {
    const { a, b, pcs } = await mqttCall(randomId())
    await commands.brokerKill()
    a.openDetails()
    await waitFor(() => expect(a.region.textContent).toContain('Signaling channel: reconnecting'), {
      timeout: 5_000,
    })
    await sleep(2_000)
    expect(a.statePanel().textContent).toContain('connection: connected')
    await expectPlayingVideo(b.remoteVideo())
    url = await commands.brokerStart()
    await waitFor(() => expect(a.region.textContent).toContain('Signaling channel: open'), {
      timeout: 15_000,
    })
    // The call negotiates again afterwards: a screen share arrives on the other side.
    fireEvent.click(a.button('Share screen'))
    await waitFor(
      () => expect(b.region.querySelector('video[aria-label="Remote screen"]')).not.toBeNull(),
      { timeout: 10_000 },
    )
    expect(pcs.created).toHaveLength(2)
  }, 60_000)

  it('ends the call within the will delay when the other tab crashes without hanging up', async () => {
    const room = randomId()
    const query = new URLSearchParams({ url, room, user: 'bob', password: ACCOUNTS.bob })
    await commands.tabOpen(`/tests/browser/peer/mqttPeer.html?${query}`)
    render(<VideoCall iceServers={[]} mqtt={loadMqtt} />)
    const a = calls()[0] as CallUi
    chooseMqtt(a, room, 'alice')
    await ready(a)
    fireEvent.click(a.button('Start call'))
    await waitForLine(a, 'connection: connected', 20_000)
    await expectPlayingVideo(a.remoteVideo())
    const since = performance.now()
    await commands.tabCrash()
    await waitFor(() => expect(a.region.textContent).toContain('The other person hung up.'), {
      timeout: 12_000,
    })
    const took = performance.now() - since
    // The last will waits 5 s for the tab to come back; then the goodbye arrives.
    expect(took).toBeGreaterThan(4_000)
    console.log(`[mqtt] a dead tab's goodbye arrived after ${Math.round(took)} ms`)
  }, 60_000)

  it('says a wrong password and a room the account may not use clearly', async () => {
    render(
      <>
        <VideoCall iceServers={[]} mqtt={loadMqtt} />
        <VideoCall iceServers={[]} mqtt={loadMqtt} />
      </>,
    )
    const [a, b] = calls() as [CallUi, CallUi]
    chooseMqtt(a, randomId(), 'alice', 'not-the-password')
    chooseMqtt(b, `private ${randomId()}`, 'guest')
    await waitForAlert(a, 'The MQTT broker refused the username or password.', 10_000)
    await waitForAlert(a, 'Check Username and Password')
    await waitForAlert(b, 'The MQTT broker does not let this account use this room.', 10_000)
    // The same account in the room its ACL allows: ready.
    fireEvent.change(within(b.region).getByRole('textbox', { name: 'Room' }), {
      target: { value: 'lobby' },
    })
    await ready(b)
    expect(b.alerts()).toHaveLength(0)
  }, 60_000)
})
