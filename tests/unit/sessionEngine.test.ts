import { describe, expect, it, vi } from 'vitest'
import { createPeerSession } from '../../src/core/peerSession'
import type { SignalMessage } from '../../src/core/signalMessage'
import { FakePeerConnection, fakeChannel, useFakePeerConnections } from './fakes'

// The session's root loads its call engine when a call is first asked for: what is asked for
// meanwhile is neither lost nor taken after a hang-up. (Calls themselves: the browser tests.)

const offer: SignalMessage = {
  type: 'description',
  description: { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:ab12\r\n' },
}

describe('the session’s call engine, loaded at the first call', () => {
  useFakePeerConnections()

  it('takes a step asked for while it loads once it is there', async () => {
    const session = createPeerSession()
    // Without a channel, Start call says so: the engine ran it.
    await session.startCall()
    expect(session.getState().error?.code).toBe('ERR_CHANNEL_CLOSED')
    session.dispose()
  })

  it('never takes a step that a hang-up overtook while it loaded', async () => {
    const session = createPeerSession()
    const starting = session.startCall()
    session.hangUp()
    await starting
    expect(session.getState().error).toBeNull()
    expect(session.getState().step).toBe('idle')
    session.dispose()
  })

  it('hands the engine a channel’s messages that came while it loaded, in order', async () => {
    const session = createPeerSession()
    const { channel, deliver, listeners } = fakeChannel()
    session.attachChannel(channel)
    // The other side's offer arrives at once, before the engine is there.
    deliver(offer)
    await vi.waitFor(() =>
      expect(FakePeerConnection.made[0]?.remoteDescription).toEqual(offer.description),
    )
    expect(session.getState().role).toBe('callee')
    // Only the engine listens now.
    expect(listeners.size).toBe(1)
    session.dispose()
  })

  it('says that the calling part could not load, and loads it at the next step', async () => {
    // A fresh module graph (the engine not loaded yet), whose first load of it fails as a chunk
    // that cannot load does (offline, or replaced by a deploy).
    vi.resetModules()
    let failures = 1
    vi.doMock('../../src/core/session/callEngine', async (original) => {
      if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module')
      return original()
    })
    const { createPeerSession: freshSession } = await import('../../src/core/peerSession')
    const session = freshSession()
    await session.startCall()
    expect(session.getState().error?.code).toBe('ERR_CALL_MODULE')
    session.clearError()
    await session.startCall()
    expect(session.getState().error?.code).toBe('ERR_CHANNEL_CLOSED')
    session.dispose()
    vi.doUnmock('../../src/core/session/callEngine')
  })

  it('without the engine, has no call to share, describe or measure', async () => {
    const session = createPeerSession()
    expect(session.getDescriptions()).toEqual({ local: '', remote: '' })
    expect(await session.getStats()).toBeNull()
    await session.setSignalFormat('json')
    expect(session.getState().signalFormat).toBe('json')
    await session.startScreenShare()
    expect(session.getState().error?.code).toBe('ERR_NOT_CONNECTED')
    expect(FakePeerConnection.made).toEqual([])
    session.dispose()
  })
})
