import { describe, expect, it, vi } from 'vitest'
import { canStartCall } from '../../src/core/phase'
import { createCallRunner } from '../../src/core/session/callRunner'
import { createChannelCalls, type ChannelCalls } from '../../src/core/session/channelCalls'
import { FakePeerConnection, fakeChannel, runnerHost, useFakePeerConnections } from './fakes'

// Calls over a signaling channel, with a fake connection and fake channels. (Real channels and
// connections: the browser tests.)

function setup() {
  let channels: ChannelCalls | null = null
  const { host, update, state } = runnerHost((cause) => channels?.reset(cause))
  const runner = createCallRunner(host)
  channels = createChannelCalls({
    runner,
    update,
    canStart: () => canStartCall(state()),
    receive(message) {
      if (message.type === 'description') void channels?.offered(message.description)
    },
  })
  return { channels, state }
}

describe('createChannelCalls', () => {
  useFakePeerConnections()

  it('forgets an offer held while its call started once another channel replaces that one', async () => {
    const { channels, state } = setup()
    const one = fakeChannel('one')
    let allow: (stream: null) => void = () => {}
    channels.attach(one.channel, { media: () => new Promise((resolve) => (allow = resolve)) })
    // Our call waits for the camera; the peer on the first channel offers meanwhile: held.
    const started = channels.startCall()
    expect(state().step).toBe('acquiring-media')
    one.deliver({ type: 'description', description: { type: 'offer', sdp: 'v=0\r\n' } }, 'p1')
    channels.attach(fakeChannel('two').channel)
    allow(null)
    await started
    const pc = FakePeerConnection.made[0] as FakePeerConnection
    expect(pc.closed).toBe(false)
    // The first channel's offer is not answered on the second one.
    expect(pc.remoteDescription).toBeNull()
    expect(state().error).toBeNull()
  })
})

const offerOf = (fingerprint: string) => ({
  type: 'offer' as const,
  sdp: `v=0\r\na=fingerprint:sha-256 ${fingerprint}\r\n`,
})

describe('createChannelCalls.answerInstead', () => {
  useFakePeerConnections()

  it('answers an offer of a new connection of theirs (another certificate) with a new one of ours', async () => {
    const { channels, state } = setup()
    channels.attach(fakeChannel().channel, { media: null })
    await channels.startCall()
    const first = FakePeerConnection.made.at(-1) as FakePeerConnection
    // Our call has their answer (certificate AA): the same certificate offering is this call's.
    first.remoteDescription = { type: 'answer', sdp: offerOf('AA').sdp }
    expect(channels.answerInstead(offerOf('AA'))).toBe(false)
    expect(channels.answerInstead({ type: 'answer', sdp: offerOf('BB').sdp })).toBe(false)
    expect(first.closed).toBe(false)
    // They started over (certificate BB): a new connection of ours answers it.
    expect(channels.answerInstead(offerOf('BB'))).toBe(true)
    await Promise.resolve()
    expect(first.closed).toBe(true)
    const second = FakePeerConnection.made.at(-1) as FakePeerConnection
    expect(second).not.toBe(first)
    await vi.waitFor(() => expect(second.remoteDescription).toEqual(offerOf('BB')))
    expect(state().role).toBe('callee')
  })

  it('leaves an offer to perfect negotiation while our call has no answer yet', async () => {
    const { channels } = setup()
    channels.attach(fakeChannel().channel, { media: null })
    await channels.startCall()
    expect(channels.answerInstead(offerOf('BB'))).toBe(false)
  })
})

describe('createChannelCalls.offered', () => {
  useFakePeerConnections()

  it('answers the newest offer when another comes while the camera starts (they started over)', async () => {
    const { channels, state } = setup()
    const { channel, deliver } = fakeChannel()
    let allow: (stream: null) => void = () => {}
    channels.attach(channel, { media: () => new Promise((resolve) => (allow = resolve)) })
    const older = offerOf('AA')
    const newer = offerOf('BB')
    deliver({ type: 'description', description: older })
    expect(state().step).toBe('acquiring-media')
    deliver({ type: 'description', description: newer })
    allow(null)
    await vi.waitFor(() => expect(FakePeerConnection.made.length).toBeGreaterThan(0))
    const pc = FakePeerConnection.made.at(-1) as FakePeerConnection
    await vi.waitFor(() => expect(pc.remoteDescription).toEqual(newer))
    expect(FakePeerConnection.made).toHaveLength(1)
  })
})
