import { describe, expect, it, vi } from 'vitest'
import { createMessenger, outgoingMessage } from '../../src/core/session/messenger'
import type { ChannelStatus, SignalingChannel } from '../../src/core/signalingChannel'
import type { SignalMessage } from '../../src/core/signalMessage'

const HOST = 'candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host generation 0'
const SRFLX = 'candidate:2 1 udp 1686052607 203.0.113.7 50001 typ srflx raddr 0.0.0.0 rport 0'
const candidate = (line: string): SignalMessage => ({
  type: 'candidate',
  candidate: { candidate: line, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: null },
})

describe('outgoingMessage', () => {
  it('leaves host candidates out only when asked', () => {
    expect(outgoingMessage(candidate(HOST), true)).toBeNull()
    expect(outgoingMessage(candidate(SRFLX), true)).toEqual(candidate(SRFLX))
    expect(outgoingMessage(candidate(HOST), false)).toEqual(candidate(HOST))
    expect(outgoingMessage({ type: 'candidate', candidate: null }, true)).toEqual({
      type: 'candidate',
      candidate: null,
    })
    const sdp = `v=0\r\na=${HOST}\r\na=${SRFLX}\r\n`
    expect(
      outgoingMessage({ type: 'description', description: { type: 'offer', sdp } }, true),
    ).toEqual({ type: 'description', description: { type: 'offer', sdp: `v=0\r\na=${SRFLX}\r\n` } })
    expect(outgoingMessage({ type: 'bye' }, true)).toEqual({ type: 'bye' })
  })
})

describe('createMessenger', () => {
  function world(
    dc: RTCDataChannelState | null,
    ice: RTCIceConnectionState,
    channel: ChannelStatus | null,
  ) {
    const dcSend = vi.fn()
    const channelSend = vi.fn()
    const call = dc
      ? {
          dc: { readyState: dc, send: dcSend } as unknown as RTCDataChannel,
          pc: { iceConnectionState: ice } as RTCPeerConnection,
        }
      : null
    const signaling = channel
      ? ({
          getState: () => ({ status: channel, error: null }),
          send: channelSend,
        } as unknown as SignalingChannel)
      : null
    const messenger = createMessenger({
      call: () => call,
      channel: () => signaling,
      stripHostCandidates: () => true,
    })
    return { messenger, dcSend, channelSend }
  }

  it('uses the data channel while its transport is up', () => {
    const { messenger, dcSend, channelSend } = world('open', 'connected', 'open')
    expect(messenger.path()).toBe('data-channel')
    messenger.send({ type: 'bye' })
    expect(dcSend).toHaveBeenCalledWith('{"type":"bye"}')
    expect(channelSend).not.toHaveBeenCalled()
  })

  it('never sends into the data channel of a dead transport while a signaling channel is up', () => {
    const { messenger, dcSend, channelSend } = world('open', 'disconnected', 'open')
    expect(messenger.path()).toBe('signaling')
    messenger.send({ type: 'bye' })
    expect(channelSend).toHaveBeenCalledWith({ type: 'bye' })
    expect(dcSend).not.toHaveBeenCalled()
  })

  it('says when nothing can reach the other side, and drops with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { messenger, channelSend } = world(null, 'new', 'reconnecting')
    expect(messenger.canSend()).toBe(false)
    messenger.send({ type: 'bye' })
    expect(channelSend).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledWith('[react-p2p-call] no signaling path is up; dropped', 'bye')
    warn.mockRestore()
  })

  it('strips host candidates on every path', () => {
    const { messenger, dcSend } = world('open', 'connected', null)
    messenger.send(candidate(HOST))
    expect(dcSend).not.toHaveBeenCalled()
    messenger.send(candidate(SRFLX))
    expect(dcSend).toHaveBeenCalledTimes(1)
  })
})
