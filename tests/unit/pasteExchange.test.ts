import { describe, expect, it } from 'vitest'
import { decodeSignal } from '../../src/core/signalCodec'
import { createPasteExchange } from '../../src/core/session/pasteExchange'
import { bundle } from './fixtures'

// The copy-paste exchange on its own: what it accepts, what it writes, and its reset.

describe('createPasteExchange', () => {
  it('refuses a paste of our own signal, and one of the wrong kind', async () => {
    const paste = createPasteExchange()
    const offer = bundle('offer', 'Mine')
    paste.recordOwn(offer.sdp.sdp)
    const own = await paste.read(await paste.encode(offer, 'compact'), 'offer')
    expect(own.ok || own.error.code).toBe('ERR_SIGNAL_OWN')
    const theirs = bundle('offer', 'Them')
    const wrongKind = await paste.read(await paste.encode(theirs, 'json'), 'answer')
    expect(wrongKind.ok || wrongKind.error.code).toBe('ERR_SIGNAL_NOT_ANSWER')
    const garbage = await paste.read('hello', 'offer')
    expect(garbage.ok || garbage.error.code).toBe('ERR_SIGNAL_NOT_JSON')
  })

  it('ties an answer to its offer: the answer names it, another offer’s answer is refused', async () => {
    const caller = createPasteExchange()
    const callee = createPasteExchange()
    const offer = bundle('offer', 'Ofr1')
    caller.publish(offer)
    const encodedOffer = await caller.encode(offer, 'compact')
    const read = await callee.read(encodedOffer, 'offer')
    if (!read.ok) throw new Error(read.error.code)
    callee.answer(read.bundle)
    const answer = await callee.encode(bundle('answer', 'Ans1'), 'compact')
    const offerHeader = await decodeSignal(encodedOffer)
    const answerHeader = await decodeSignal(answer)
    expect(offerHeader.ok && offerHeader.header?.id).toEqual(expect.any(Number))
    expect(answerHeader.ok && answerHeader.header?.answers).toBe(
      offerHeader.ok && offerHeader.header?.id,
    )
    await expect(caller.read(answer, 'answer')).resolves.toMatchObject({ ok: true })

    // An answer made for another offer (an older one, or someone else's).
    const other = createPasteExchange()
    other.answer(bundle('offer', 'Old1'))
    const stale = await other.encode(bundle('answer', 'Ans2'), 'compact')
    const refused = await caller.read(stale, 'answer')
    expect(refused.ok || refused.error.code).toBe('ERR_SIGNAL_OTHER_CALL')
  })

  it('writes the formats, keeps what is on screen, and forgets it all on reset', async () => {
    const paste = createPasteExchange()
    const offer = bundle('offer', 'Fmt1')
    expect(await paste.encode(offer, 'compact')).toMatch(/^p2p1\.offer\./)
    expect(JSON.parse(await paste.encode(offer, 'json'))).toEqual(offer)
    expect(JSON.parse(await paste.encode(offer, 'description'))).toMatchObject({ type: 'offer' })
    paste.publish(offer)
    expect(paste.published()).toBe(offer)
    paste.reset()
    expect(paste.published()).toBeNull()
    // After a reset, an answer to any offer is no longer checked against the old one.
    const other = createPasteExchange()
    other.answer(bundle('offer', 'Else'))
    const answer = await other.encode(bundle('answer', 'Ans3'), 'compact')
    await expect(paste.read(answer, 'answer')).resolves.toMatchObject({ ok: true })
  })
})
