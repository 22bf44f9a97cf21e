import { compactSignalId, encodeCompactSignal, readCompactHeader } from '../compactSignal.js'
import { createP2PError, type P2PError } from '../errors.js'
import {
  decodeSignal,
  encodeDescriptionSignal,
  encodeSignal,
  iceUfragOf,
  signalKindError,
  type SignalBundle,
  type SignalFormat,
  type SignalKind,
} from '../signalCodec.js'

/** A pasted signal, read: the bundle, or the error to show. */
export type PasteRead = { ok: true; bundle: SignalBundle } | { ok: false; error: P2PError }

/**
 * The copy-paste exchange of a session: what it publishes (in the chosen format), what it accepts
 * (never its own signal, never an answer made for another offer), and the ids that tie an answer
 * to its offer. Owns those ids and their reset.
 */
export interface PasteExchange {
  /** Decodes and checks a pasted signal that should be an `expected`. */
  read(text: string, expected: SignalKind): Promise<PasteRead>
  /** A description this session made: a paste of it is refused as our own. */
  recordOwn(sdp: string): void
  /** `bundle` written in `format` (an answer names the offer it answers). */
  encode(bundle: SignalBundle, format: SignalFormat): Promise<string>
  /** `bundle` is the signal on screen now (an offer's id is what its answer must name). */
  publish(bundle: SignalBundle | null): void
  /** The signal on screen, as a bundle (to write it again in another format). */
  published(): SignalBundle | null
  /** We are answering `offer`: our answer names it. */
  answer(offer: SignalBundle): void
  /** The call is over: none of its ids are read again (the next call publishes its own). */
  reset(): void
}

/**
 * Creates the paste exchange of one session.
 *
 * @example
 * const paste = createPasteExchange()
 * const read = await paste.read(text, 'offer')
 * if (read.ok) paste.answer(read.bundle)
 */
export function createPasteExchange(): PasteExchange {
  // ICE username fragments of every description this session made: a paste of one is our own.
  const ownUfrags = new Set<string>()
  let published: SignalBundle | null = null
  let answeringId: number | null = null
  // The ids each offer was written with (one per format: a template signal's checksum covers
  // the SDP it regenerates), and the id each offer read was sent with.
  const writtenIds = new WeakMap<SignalBundle, Set<number>>()
  const readIds = new WeakMap<SignalBundle, number>()
  const idsOf = (bundle: SignalBundle) => {
    let ids = writtenIds.get(bundle)
    if (!ids) {
      ids = new Set([compactSignalId(bundle)])
      writtenIds.set(bundle, ids)
    }
    return ids
  }

  return {
    async read(text, expected) {
      const result = await decodeSignal(text)
      if (!result.ok) return result
      const ufrag = iceUfragOf(result.signal.sdp.sdp)
      if (ufrag !== undefined && ownUfrags.has(ufrag)) {
        return { ok: false, error: createP2PError('ERR_SIGNAL_OWN') }
      }
      const kindError = signalKindError(result.signal.sdp.type, expected)
      if (kindError) return { ok: false, error: kindError }
      // A compact answer names its offer: one made for another (or an older) offer cannot connect.
      const answers = result.header?.answers
      const offer = published?.sdp.type === 'offer' ? published : null
      if (answers != null && offer && !idsOf(offer).has(answers)) {
        return { ok: false, error: createP2PError('ERR_SIGNAL_OTHER_CALL') }
      }
      if (result.header) readIds.set(result.signal, result.header.id)
      return { ok: true, bundle: result.signal }
    },

    recordOwn(sdp) {
      const ufrag = iceUfragOf(sdp)
      if (ufrag) ownUfrags.add(ufrag)
    },

    async encode(bundle, format) {
      if (format === 'description') return encodeDescriptionSignal(bundle)
      if (format === 'json' || typeof CompressionStream !== 'function') return encodeSignal(bundle)
      let text: string
      try {
        text = await encodeCompactSignal(bundle, bundle.sdp.type === 'answer' ? answeringId : null)
      } catch {
        // Neither codec's chunk could be loaded (offline after a redeploy): JSON always reads.
        return encodeSignal(bundle)
      }
      const id = readCompactHeader(text)?.id
      if (bundle.sdp.type === 'offer' && id !== undefined) idsOf(bundle).add(id)
      return text
    },

    publish(bundle) {
      published = bundle
    },

    published: () => published,

    answer(offer) {
      answeringId = readIds.get(offer) ?? compactSignalId(offer)
    },

    reset() {
      published = null
      answeringId = null
    },
  }
}
