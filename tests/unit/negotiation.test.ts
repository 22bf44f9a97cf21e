import { describe, expect, it, vi } from 'vitest'
import { StepError } from '../../src/core/session/stepError'
import { attachNegotiation, type NegotiationOptions } from '../../src/core/session/negotiation'
import type { SignalMessage } from '../../src/core/signalMessage'

/**
 * Just enough of RTCPeerConnection's signaling state machine for the pattern's logic (the real one
 * is exercised in the browser tests): offers, answers, implicit rollback, an operations delay.
 */
class FakePeerConnection extends EventTarget {
  signalingState: RTCSignalingState = 'stable'
  localDescription: { type: RTCSdpType; sdp: string } | null = null
  remoteDescription: { type: RTCSdpType; sdp: string } | null = null
  added: unknown[] = []
  failCandidates = false
  /** How late the promise of setLocalDescription(offer) resolves after the state changed. */
  offerResolvesAfterMs = 0
  private n = 0

  async createOffer(options: { iceRestart?: boolean } = {}) {
    return {
      type: 'offer' as const,
      sdp: `offer-${++this.n}${options.iceRestart ? '-restart' : ''}`,
    }
  }

  async createAnswer() {
    if (this.signalingState !== 'have-remote-offer')
      throw new DOMException('no offer to answer', 'InvalidStateError')
    return { type: 'answer' as const, sdp: `answer-${++this.n}` }
  }

  async setLocalDescription(description?: { type: RTCSdpType; sdp?: string }) {
    if (description?.type === 'rollback') {
      this.localDescription = null
      this.signalingState = 'stable'
      return
    }
    if (description?.sdp) {
      this.localDescription = { type: description.type, sdp: description.sdp }
      this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable'
      return
    }
    if (this.signalingState === 'have-remote-offer') {
      this.localDescription = { type: 'answer', sdp: `answer-${++this.n}` }
      this.signalingState = 'stable'
    } else {
      this.localDescription = { type: 'offer', sdp: `offer-${++this.n}` }
      this.signalingState = 'have-local-offer'
      await new Promise((resolve) => setTimeout(resolve, this.offerResolvesAfterMs))
    }
  }

  async setRemoteDescription(description: { type: RTCSdpType; sdp: string }) {
    await Promise.resolve()
    if (description.type === 'offer') {
      // Implicit rollback of our own offer, as browsers do for the polite side.
      this.signalingState = 'have-remote-offer'
    } else {
      if (this.signalingState !== 'have-local-offer')
        throw new DOMException('no offer', 'InvalidStateError')
      this.signalingState = 'stable'
    }
    this.remoteDescription = description
  }

  async addIceCandidate(candidate: unknown) {
    if (this.failCandidates) throw new DOMException('bad', 'OperationError')
    this.added.push(candidate)
  }

  fireNegotiationNeeded() {
    this.dispatchEvent(new Event('negotiationneeded'))
  }
}

function setup(overrides: Partial<NegotiationOptions> = {}) {
  const pc = new FakePeerConnection()
  const sent: SignalMessage[] = []
  const onError = vi.fn()
  const options: NegotiationOptions = {
    polite: () => false,
    send: (message) => sent.push(message),
    canSend: () => true,
    onError,
    ...overrides,
  }
  const negotiation = attachNegotiation(pc as unknown as RTCPeerConnection, options)
  return { pc, sent, onError, negotiation }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))
const offer = { type: 'offer' as const, sdp: 'their-offer' }

describe('attachNegotiation', () => {
  it('ignores negotiationneeded until enabled (the first exchange is manual)', async () => {
    const { pc, sent, negotiation } = setup()
    pc.fireNegotiationNeeded()
    await tick()
    expect(sent).toHaveLength(0)
    negotiation.enable()
    pc.fireNegotiationNeeded()
    await tick()
    expect(sent).toEqual([{ type: 'description', description: { type: 'offer', sdp: 'offer-1' } }])
  })

  it('waits while no path is up, and offers on flush', async () => {
    let up = false
    const { pc, sent, negotiation } = setup({ canSend: () => up })
    negotiation.enable()
    pc.fireNegotiationNeeded()
    await tick()
    expect(sent).toHaveLength(0)
    up = true
    negotiation.flush()
    await tick()
    expect(sent).toHaveLength(1)
  })

  it('answers an offer in stable state', async () => {
    const { pc, sent, negotiation } = setup()
    await negotiation.receiveDescription(offer)
    expect(pc.signalingState).toBe('stable')
    expect(sent).toEqual([
      { type: 'description', description: { type: 'answer', sdp: 'answer-1' } },
    ])
  })

  it('as the impolite side, ignores a colliding offer and the candidates that go with it', async () => {
    const { pc, sent, onError, negotiation } = setup({ polite: () => false })
    negotiation.enable()
    pc.fireNegotiationNeeded()
    await tick()
    expect(pc.signalingState).toBe('have-local-offer')
    await negotiation.receiveDescription(offer)
    expect(pc.signalingState).toBe('have-local-offer')
    expect(sent.map((m) => m.type === 'description' && m.description.type)).toEqual(['offer'])
    // An earlier exchange set a remote description: candidates are added, not queued.
    pc.remoteDescription = { type: 'answer', sdp: 'earlier' }
    pc.failCandidates = true
    await negotiation.receiveCandidate({ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('as the polite side, rolls its offer back and answers the colliding one', async () => {
    const { pc, sent, negotiation } = setup({ polite: () => true })
    negotiation.enable()
    pc.fireNegotiationNeeded()
    await tick()
    await negotiation.receiveDescription(offer)
    expect(pc.signalingState).toBe('stable')
    expect(pc.remoteDescription).toEqual(offer)
    expect(sent.at(-1)).toEqual({
      type: 'description',
      description: { type: 'answer', sdp: 'answer-2' },
    })
  })

  it('never sends an answer as an offer when a collision interleaves with its own offer', async () => {
    const { pc, sent, negotiation } = setup({ polite: () => true })
    negotiation.enable()
    // Our offer is set, but its promise resolves late, as the browser's can: meanwhile their offer
    // rolls ours back and we answer it. Our continuation then finds the answer as local description.
    pc.offerResolvesAfterMs = 20
    pc.fireNegotiationNeeded()
    await negotiation.receiveDescription(offer)
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(sent.at(0)).toEqual({
      type: 'description',
      description: { type: 'answer', sdp: 'answer-2' },
    })
    const offers = sent.filter((m) => m.type === 'description' && m.description.type === 'offer')
    for (const m of offers) {
      if (m.type === 'description') expect(m.description.sdp.startsWith('offer-')).toBe(true)
    }
  })

  it('drops an answer when nothing waits for it, without an error', async () => {
    const { pc, onError, negotiation } = setup()
    await negotiation.receiveDescription({ type: 'answer', sdp: 'stray' })
    expect(pc.signalingState).toBe('stable')
    expect(onError).not.toHaveBeenCalled()
  })

  it('reports candidate errors that are not from an ignored offer', async () => {
    const { pc, onError, negotiation } = setup()
    pc.remoteDescription = { type: 'answer', sdp: 'earlier' }
    pc.failCandidates = true
    await negotiation.receiveCandidate({ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host' })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ERR_ADD_ICE_CANDIDATE' }))
  })

  it('keeps candidates that come before the remote description, and adds them once it is set', async () => {
    const { pc, onError, negotiation } = setup()
    const early = { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host' }
    await negotiation.receiveCandidate(early)
    expect(pc.added).toEqual([])
    await negotiation.receiveDescription(offer)
    expect(pc.added).toEqual([early])
    expect(onError).not.toHaveBeenCalled()
  })

  it('carries a pasted exchange: our offer is set, not sent; their answer is applied with its candidates', async () => {
    const { pc, sent, negotiation } = setup()
    await negotiation.offer()
    expect(pc.signalingState).toBe('have-local-offer')
    expect(sent).toEqual([])
    const candidate = { candidate: 'candidate:2 1 udp 1 10.0.0.2 9 typ host' }
    await negotiation.accept({ type: 'answer', sdp: 'their-answer' }, [candidate])
    expect(pc.signalingState).toBe('stable')
    expect(pc.added).toEqual([candidate])
    expect(negotiation.inBand).toBe(false)
  })

  it('answers a pasted offer without sending; a pasted offer wins over our unanswered one', async () => {
    const { pc, sent, negotiation } = setup()
    await negotiation.offer(true)
    expect(pc.localDescription?.sdp).toBe('offer-1-restart')
    await negotiation.accept(offer)
    expect(pc.signalingState).toBe('have-remote-offer')
    await negotiation.answer()
    expect(pc.localDescription?.type).toBe('answer')
    expect(sent).toEqual([])
  })

  it('turns a failed carried step into a StepError with its code', async () => {
    const { negotiation } = setup()
    await expect(negotiation.answer()).rejects.toMatchObject({ p2p: { code: 'ERR_CREATE_ANSWER' } })
    await expect(negotiation.accept({ type: 'answer', sdp: 'x' })).rejects.toBeInstanceOf(StepError)
  })

  it('stops listening when disposed', async () => {
    const { pc, sent, negotiation } = setup()
    negotiation.enable()
    negotiation.dispose()
    pc.fireNegotiationNeeded()
    await negotiation.receiveDescription(offer)
    await tick()
    expect(sent).toHaveLength(0)
  })
})
