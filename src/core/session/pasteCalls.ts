import { addLocalTracks, type Call } from './call.js'
import type { CallRunner } from './callRunner.js'
import { createP2PError } from '../errors.js'
import { stepErrorOf } from './stepError.js'
import {
  gatheringDone,
  gatheringStuck,
  serversOf,
  STUCK_STARTS_OVER,
  STUCK_WARNING,
} from './gatheringBudget.js'
import { createPasteExchange } from './pasteExchange.js'
import type { CallStep } from '../phase.js'
import type { CallStepOptions, PeerSessionOptions, PeerSessionState } from '../peerSessionTypes.js'
import { countCandidates, isHostCandidate, withoutHostCandidates } from '../sdpCandidates.js'
import type { SessionPatch } from './sessionSnapshot.js'
import { dtlsFingerprintOf } from '../securityCode.js'
import type { SignalBundle, SignalFormat, SignalKind } from '../signalCodec.js'

/** What the copy-paste calls need from their session. */
export interface PasteCallsHost {
  readonly runner: CallRunner
  config(): PeerSessionOptions
  state(): PeerSessionState
  update(patch: SessionPatch): void
  /** Holds the snapshot's notifications back until released (`Store.hold`). */
  hold(): () => void
}

/** The calls made by copy-paste: each signal carries a whole offer or answer, candidates inside. */
export interface PasteCalls {
  createOffer(options?: CallStepOptions): Promise<void>
  /** Answers a pasted offer; the same peer offering again is an ICE restart of this call. */
  createAnswer(remoteSignal: string, options?: CallStepOptions): Promise<void>
  completeConnection(remoteSignal: string): Promise<void>
  /** An ICE-restart offer to paste to the other side (the call's transport is down). */
  reconnect(): Promise<void>
  /** Writes the signal on screen again in `format`. */
  setSignalFormat(format: SignalFormat): Promise<void>
  /** The call is over: what it published and answered is forgotten. */
  reset(): void
}

/**
 * Creates the copy-paste calls of one session. The paste is only how descriptions travel: the
 * call's negotiation sets them (`offer`, `accept`, `answer`), and from the first exchange on, the
 * call negotiates in band.
 *
 * @example
 * const paste = createPasteCalls({ runner, config, state, update, hold: store.hold })
 * await paste.createOffer({ media: () => media.start() })
 */
export function createPasteCalls(host: PasteCallsHost): PasteCalls {
  const { runner, state, update } = host
  // What this session publishes and accepts, and the ids that tie an answer to its offer.
  const paste = createPasteExchange()
  const fail = (cause: unknown, code: Parameters<typeof stepErrorOf>[1], signal: AbortSignal) => {
    if (!signal.aborted) update({ error: stepErrorOf(cause, code) })
  }
  const recordOwn = (call: Call) => paste.recordOwn(call.pc.localDescription?.sdp ?? '')

  /** Decodes a paste; on any problem shows the error and returns null. Never touches the call. */
  async function read(text: string, expected: SignalKind): Promise<SignalBundle | null> {
    const result = await paste.read(text, expected)
    if (result.ok) return result.bundle
    update({ error: result.error })
    return null
  }

  function bundleOf(call: Call): SignalBundle | null {
    const description = call.pc.localDescription
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return null
    const sdp = { type: description.type, sdp: description.sdp }
    const candidates = call.transport.localCandidates
    // The tutorial's JSON lists the candidates beside the SDP; the compact form keeps only those
    // the SDP lacks.
    if (!host.config().stripHostCandidates) return { sdp, candidates: [...candidates] }
    return {
      sdp: { ...sdp, sdp: withoutHostCandidates(sdp.sdp) },
      candidates: candidates.filter((c) => !isHostCandidate(c.candidate)),
    }
  }

  /**
   * Not trickled: the signal is published once gathering is done, candidates inside. With
   * `attempt` (of a call's first signal), `true` instead when the connection gathered nothing
   * (`gatheringStuck`) and a new one may take over: nothing is published then.
   */
  async function publishWhenGathered(
    call: Call,
    signal: AbortSignal,
    step: CallStep,
    attempt = STUCK_STARTS_OVER + 1,
  ): Promise<boolean> {
    update({ gathering: true, candidateCounts: null })
    const servers = serversOf(call.pc.getConfiguration().iceServers ?? [])
    const done = gatheringDone(call.pc, call.closed, host.config().gatheringBudget, servers)
    if (attempt <= STUCK_STARTS_OVER) {
      const stuck = await Promise.race([gatheringStuck(call.transport), done.then(() => false)])
      if (stuck && !signal.aborted) {
        console.warn(STUCK_WARNING)
        return true
      }
    }
    await done
    if (signal.aborted) return false
    const bundle = bundleOf(call)
    const localSignal = bundle ? await paste.encode(bundle, state().signalFormat) : ''
    if (signal.aborted) return false
    paste.publish(bundle)
    const candidateCounts = countCandidates(bundle?.sdp.sdp ?? '')
    update({ step, localSignal, gathering: false, candidateCounts })
    return false
  }

  /** A pasted ICE-restart offer of the call in progress: answered on the same connection. */
  async function answerRestart(call: Call, offer: SignalBundle): Promise<void> {
    const signal = runner.retry()
    update({ error: null, localSignal: '' })
    try {
      // The paste wins over a restart offer of our own that is still waiting.
      await call.negotiation.accept(offer.sdp, offer.candidates)
      await call.negotiation.answer()
    } catch (cause) {
      fail(cause, 'ERR_SET_REMOTE_DESCRIPTION', signal)
      return
    }
    recordOwn(call)
    await publishWhenGathered(call, signal, 'answer-ready')
  }

  return {
    createOffer(options = {}) {
      return runner.begin('caller', async (signal) => {
        const stream = await runner.media(options.media)
        // A connection that gathers nothing gives way to a new one (nothing was published).
        for (let attempt = 1; !signal.aborted; attempt++) {
          const call = runner.open(false)
          addLocalTracks(call.pc, stream, true)
          update({ step: 'creating-offer' })
          await call.negotiation.offer()
          recordOwn(call)
          // While the signal gathers: a video made ahead can hold the other person's stream-to-be.
          call.expectIncoming()
          if (!(await publishWhenGathered(call, signal, 'offer-ready', attempt))) return
        }
      })
    },

    async createAnswer(remoteSignal, options = {}) {
      const offer = await read(remoteSignal, 'offer')
      if (!offer) return
      // The same peer (same DTLS certificate) offering again: an ICE restart of this call.
      const current = runner.current()
      const remote = current?.pc.remoteDescription?.sdp
      if (current && remote && dtlsFingerprintOf(remote) === dtlsFingerprintOf(offer.sdp.sdp)) {
        paste.answer(offer)
        return answerRestart(current, offer)
      }
      return runner.begin('callee', async (signal) => {
        const stream = await runner.media(options.media)
        if (signal.aborted) return
        paste.answer(offer)
        // A connection that gathers nothing gives way to a new one (nothing was published).
        for (let attempt = 1; !signal.aborted; attempt++) {
          const call = runner.open(false)
          update({ step: 'creating-answer' })
          await call.negotiation.accept(offer.sdp, offer.candidates)
          if (signal.aborted) return
          // addTrack reuses the transceivers the offer created, so the answer sends on them.
          addLocalTracks(call.pc, stream, false)
          await call.negotiation.answer()
          recordOwn(call)
          // The first exchange is done on our side: from now on, negotiation is in band.
          call.negotiation.enable()
          if (!(await publishWhenGathered(call, signal, 'answer-ready', attempt))) return
        }
      })
    },

    async completeConnection(remoteSignal) {
      const answer = await read(remoteSignal, 'answer')
      if (!answer) return
      const call = runner.current()
      const { step } = state()
      const waiting = step === 'offer-ready' || step === 'reconnect-offer-ready'
      if (!call || call.pc.signalingState !== 'have-local-offer' || !waiting) {
        update({ error: createP2PError('ERR_NO_OFFER') })
        return
      }
      const signal = runner.attempt()
      // The browser applies the answer (and finishes DTLS with the other side, whose first packets
      // already wait) off this thread: it is dispatched first. Meanwhile a first answer shows the
      // call (step `completing`), with the other person's tracks in their video element, so their
      // first frame is seen as it arrives. A restart's answer changes nothing on screen until it
      // is applied.
      const applying = call.negotiation.accept(answer.sdp)
      const first = step === 'offer-ready'
      update({ error: null, ...(first ? { step: 'completing' } : {}) })
      if (first) call.expectRemote(answer.sdp.sdp ?? '')
      // What applying the answer changes next (the signaling state, the track events) reaches the
      // UI in one render once it is applied.
      const release = host.hold()
      // A hang-up or dispose meanwhile closes the call: its update must not wait for this step.
      call.closed.addEventListener('abort', release, { once: true })
      try {
        await applying
        // A restart answer is applied: its offer has done its work.
        if (!signal.aborted && !first) update({ step: 'completing', localSignal: '' })
      } catch (cause) {
        // The offer is still waiting, as before the click (one render: the step, the stream
        // taken back and the error): a correct answer pasted next still completes the call.
        if (!signal.aborted && first) update({ step, remoteStream: null })
        fail(cause, 'ERR_SET_REMOTE_DESCRIPTION', signal)
        return
      } finally {
        call.closed.removeEventListener('abort', release)
        release()
      }
      if (signal.aborted) return
      call.negotiation.enable()
      for (const candidate of answer.candidates) await call.negotiation.receiveCandidate(candidate)
    },

    async reconnect() {
      const call = runner.current()
      if (!call || call.pc.signalingState === 'closed' || !call.pc.remoteDescription) {
        update({ error: createP2PError('ERR_NO_RESTART') })
        return
      }
      const signal = runner.retry()
      update({ error: null, localSignal: '' })
      try {
        // A restart offer of our own may already wait (sent in band, stuck): it is reused.
        await call.negotiation.offer(true)
      } catch (cause) {
        fail(cause, 'ERR_CREATE_OFFER', signal)
        return
      }
      recordOwn(call)
      await publishWhenGathered(call, signal, 'reconnect-offer-ready')
    },

    async setSignalFormat(format) {
      update({ signalFormat: format })
      const bundle = paste.published()
      if (!bundle || state().localSignal === '') return
      const signal = runner.attempt()
      const rewritten = await paste.encode(bundle, format)
      if (!signal.aborted && paste.published() === bundle && state().signalFormat === format) {
        update({ localSignal: rewritten })
      }
    },

    reset: () => paste.reset(),
  }
}
