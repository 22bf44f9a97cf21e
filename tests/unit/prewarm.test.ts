import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionOptions } from '../../src/core/peerSessionTypes'
import { createPrewarm } from '../../src/core/session/prewarm'

// The warm-up owns one connection made ahead; a fake RTCPeerConnection records what it was given.
class FakeConnection {
  static made: FakeConnection[] = []
  closed = false
  constructor(readonly config: RTCConfiguration) {
    if (config.iceServers?.some((s) => s.urls === 'bad')) throw new TypeError('bad URL')
    FakeConnection.made.push(this)
  }
  close() {
    this.closed = true
  }
}

describe('createPrewarm', () => {
  beforeEach(() => {
    FakeConnection.made = []
    vi.stubGlobal('RTCPeerConnection', FakeConnection)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('makes one connection with a candidate pool, and hands it to the next call once', () => {
    const options: ConnectionOptions = { iceServers: [] }
    const prewarm = createPrewarm(() => options)
    prewarm.prepare()
    prewarm.prepare()
    expect(FakeConnection.made).toHaveLength(1)
    expect(FakeConnection.made[0]?.config).toMatchObject({ iceCandidatePoolSize: 1 })
    const taken = prewarm.take()
    expect(taken).toBe(FakeConnection.made[0])
    expect(prewarm.take()).toBeNull()
  })

  it('never hands over a connection made for other options, and closes it', () => {
    let options: ConnectionOptions = { iceServers: [] }
    const prewarm = createPrewarm(() => options)
    prewarm.prepare()
    options = { iceServers: [{ urls: 'stun:stun.example.org' }] }
    prewarm.optionsChanged()
    expect(FakeConnection.made[0]?.closed).toBe(true)
    prewarm.prepare()
    options = { iceServers: [] }
    expect(prewarm.take()).toBeNull()
    expect(FakeConnection.made[1]?.closed).toBe(true)
  })

  it('keeps a larger pool asked for, and leaves a bad configuration to the call', () => {
    const prewarm = createPrewarm(() => ({ iceServers: [], iceCandidatePoolSize: 3 }))
    prewarm.prepare()
    expect(FakeConnection.made[0]?.config.iceCandidatePoolSize).toBe(3)
    const bad = createPrewarm(() => ({ iceServers: [{ urls: 'bad' }] }))
    expect(() => bad.prepare()).not.toThrow()
    expect(bad.take()).toBeNull()
  })

  it('drops on request, and does nothing without WebRTC', () => {
    const prewarm = createPrewarm(() => ({}))
    prewarm.prepare()
    prewarm.drop()
    expect(FakeConnection.made[0]?.closed).toBe(true)
    vi.stubGlobal('RTCPeerConnection', undefined)
    prewarm.prepare()
    expect(prewarm.take()).toBeNull()
  })
})
