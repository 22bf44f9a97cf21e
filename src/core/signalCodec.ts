import { inflateCompactSignal, isCompactSignal, type CompactSignalHeader } from './compactSignal.js'
import { createP2PError, type P2PError } from './errors.js'
import { isCandidate, isCompleteSdp, isRecord } from './signalShape.js'

// The shape checks live in signalShape.ts (the message parser uses them without the codec).
export { isCompleteSdp, isRecord }

/** Signals larger than this are rejected before parsing, so a huge paste cannot freeze the page. */
export const MAX_SIGNAL_CHARS = 256 * 1024

/** The kind of description a signal carries. */
export type SignalKind = 'offer' | 'answer'

/** A candidate as it travels in a signal (the `RTCIceCandidateInit` fields). */
export interface SignalCandidate {
  candidate: string
  sdpMid?: string | null
  sdpMLineIndex?: number | null
  usernameFragment?: string | null
}

/**
 * One non-trickle signal: a description and the candidates found for it. The JSON form is the
 * tutorial's lab format: `{"sdp": {"type", "sdp"}, "candidates": [...]}`.
 */
export interface SignalBundle {
  sdp: { type: SignalKind; sdp: string }
  candidates: SignalCandidate[]
}

/**
 * The ways a signal can be written: `compact` (`encodeCompactSignal`, the default), `json` (the
 * tutorial's `{sdp, candidates}`, {@link encodeSignal}) and `description` (the bare
 * `{"type","sdp"}` with the candidates inside the SDP, {@link encodeDescriptionSignal}: what most
 * other tools and the webrtc samples print and read).
 */
export type SignalFormat = 'compact' | 'json' | 'description'

/**
 * What {@link decodeSignal} returns: a bundle (with, for a compact signal, its header: the id, and for
 * an answer the id of the offer it answers), or an error that says what to do.
 */
export type DecodeSignalResult =
  { ok: true; signal: SignalBundle; header?: CompactSignalHeader } | { ok: false; error: P2PError }

/**
 * Encodes a bundle as JSON in the tutorial's format (what its lab page reads).
 *
 * @example
 * const text = encodeSignal({ sdp: { type: 'offer', sdp: pc.localDescription!.sdp }, candidates: [] })
 */
export function encodeSignal(bundle: SignalBundle): string {
  return JSON.stringify(bundle)
}

/**
 * The SDP of a bundle with its candidates written into it: each `a=candidate:` line the SDP lacks
 * goes at the end of its media section (found by `sdpMLineIndex`, else by `sdpMid`). Candidates
 * that name no section go into the first one (with `a=group:BUNDLE`, every section shares one
 * transport).
 *
 * @example
 * sdpWithCandidates(bundle) // '…m=audio …\r\n…a=candidate:1 1 udp 2122 10.0.0.2 5000 typ host\r\n…'
 */
export function sdpWithCandidates(bundle: SignalBundle): string {
  const { sdp } = bundle.sdp
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n'
  // The session part, then one list of lines per media section.
  const sections = sdp
    .replace(/\r?\n$/, '')
    .split(/\r?\n(?=m=)/)
    .map((section) => section.split(/\r?\n/))
  const media = sections.slice(1)
  for (const { candidate, sdpMid, sdpMLineIndex } of bundle.candidates) {
    const line = `a=${candidate}`
    if (!candidate || sections.some((lines) => lines.includes(line))) continue
    const byIndex = typeof sdpMLineIndex === 'number' ? media[sdpMLineIndex] : undefined
    const byMid = media.find((lines) => lines.includes(`a=mid:${sdpMid}`))
    ;(byIndex ?? byMid ?? media[0])?.push(line)
  }
  return sections.map((lines) => lines.join(eol)).join(eol) + eol
}

/**
 * Encodes a bundle as the bare description `{"type","sdp"}`, its candidates inside the SDP: the
 * format of the webrtc samples, aiortc's copy-and-paste signaling and most tools.
 *
 * @example
 * encodeDescriptionSignal(bundle) // '{"type":"offer","sdp":"v=0\r\n…a=candidate:…"}'
 */
export function encodeDescriptionSignal(bundle: SignalBundle): string {
  return JSON.stringify({ type: bundle.sdp.type, sdp: sdpWithCandidates(bundle) })
}

const fail = (code: Parameters<typeof createP2PError>[0], cause?: unknown): DecodeSignalResult => ({
  ok: false,
  error: createP2PError(code, cause),
})

/**
 * Parses and checks a pasted signal, in either format: compact (`p2p2.offer.…`, `P2P2.OFFER.…`
 * or `p2p1.offer.…`) or the tutorial's
 * JSON (pretty-printed or not, with or without `candidates`, or a bare `{type, sdp}`). It never
 * throws: every problem comes back as a typed error whose hint says what to do. The last text is
 * remembered: a UI that decodes a paste as it lands makes the step that uses it wait for nothing.
 *
 * @param expected - the kind this step needs; a signal of the other kind is rejected.
 * @example
 * const result = await decodeSignal(textarea.value, 'offer')
 * if (!result.ok) showError(result.error)
 */
export async function decodeSignal(
  text: string,
  expected?: SignalKind,
): Promise<DecodeSignalResult> {
  let read = lastRead?.text === text ? lastRead.result : null
  if (!read) {
    read = readSignalText(text)
    lastRead = { text, result: read }
  }
  const result = await read
  // A bad paste is read anew each time (its error is a new one, shown again).
  if (!result.ok && lastRead?.result === read) lastRead = null
  if (!result.ok) return result
  const kindError = expected && signalKindError(result.signal.sdp.type, expected)
  if (kindError) return { ok: false, error: kindError }
  // A copy each time: what one caller does with its result never changes the next one's.
  const { sdp, candidates } = result.signal
  return { ...result, signal: { sdp: { ...sdp }, candidates: candidates.map((c) => ({ ...c })) } }
}

// The last text decoded, and what it read as. A UI decodes a paste as it lands (read ahead), so
// the click that uses it waits for nothing; the same text always reads the same.
let lastRead: { text: string; result: Promise<DecodeSignalResult> } | null = null

async function readSignalText(text: string): Promise<DecodeSignalResult> {
  if (text.length > MAX_SIGNAL_CHARS) return fail('ERR_SIGNAL_TOO_LARGE')
  const trimmed = text.trim()
  if (trimmed === '') return fail('ERR_SIGNAL_EMPTY')
  const read = isCompactSignal(trimmed) ? await inflateCompactSignal(trimmed) : parseJson(trimmed)
  if (!read.ok) return read
  const { type, sdp } = read.signal.sdp
  if (!isCompleteSdp(sdp)) return fail('ERR_SIGNAL_CORRUPT')

  // Candidates already inside the SDP (non-trickle) need not be added twice.
  const candidates = read.signal.candidates.filter(
    (c) =>
      c.candidate !== '' &&
      !sdp.includes(`a=${c.candidate}\r\n`) &&
      !sdp.includes(`a=${c.candidate}\n`),
  )
  return { ...read, signal: { sdp: { type, sdp }, candidates } }
}

function parseJson(trimmed: string): DecodeSignalResult {
  if (!trimmed.startsWith('{')) return fail('ERR_SIGNAL_NOT_JSON')
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch (cause) {
    // A paste that starts like our JSON but does not close is almost always a cut-off copy.
    return fail(trimmed.endsWith('}') ? 'ERR_SIGNAL_NOT_JSON' : 'ERR_SIGNAL_TRUNCATED', cause)
  }
  if (!isRecord(parsed)) return fail('ERR_SIGNAL_SHAPE')

  const description = isRecord(parsed.sdp) ? parsed.sdp : parsed
  const { type, sdp } = description
  if ((type !== 'offer' && type !== 'answer') || typeof sdp !== 'string') {
    return fail('ERR_SIGNAL_SHAPE')
  }
  const candidates = parsed.candidates ?? []
  if (!Array.isArray(candidates) || !candidates.every(isCandidate)) {
    return fail('ERR_SIGNAL_SHAPE')
  }
  return { ok: true, signal: { sdp: { type, sdp }, candidates } }
}

/**
 * The ICE username fragment of an SDP: it tells two descriptions made by the same connection apart
 * from descriptions made by another one.
 *
 * @example
 * iceUfragOf('v=0\r\na=ice-ufrag:Ab12\r\n') // 'Ab12'
 */
export function iceUfragOf(sdp: string): string | undefined {
  return /(?:^|\n)a=ice-ufrag:(\S+)/.exec(sdp)?.[1]
}

/**
 * The error for a signal of the wrong kind, or `null` when `kind` is the one expected.
 *
 * @example
 * signalKindError('answer', 'offer')?.code // 'ERR_SIGNAL_NOT_OFFER'
 */
export function signalKindError(kind: SignalKind, expected: SignalKind): P2PError | null {
  if (kind === expected) return null
  return createP2PError(expected === 'offer' ? 'ERR_SIGNAL_NOT_OFFER' : 'ERR_SIGNAL_NOT_ANSWER')
}

/**
 * What a pasted text looks like at a glance — an offer, an answer, or neither — without checking
 * it (that is {@link decodeSignal}'s job): for a UI that notices an invite pasted where a reply
 * belongs.
 *
 * @example
 * signalKindOf('p2p1.offer.AbC…') // 'offer'
 */
export function signalKindOf(text: string): SignalKind | null {
  const trimmed = text.trim()
  const compact = /^(?:p2p\d+\.(offer|answer)|P2P\d+\.(OFFER|ANSWER))\./.exec(trimmed)
  if (compact) return (compact[1] ?? compact[2]?.toLowerCase()) as SignalKind
  if (!trimmed.startsWith('{') || trimmed.length > MAX_SIGNAL_CHARS) return null
  try {
    const parsed: unknown = JSON.parse(trimmed)
    if (!isRecord(parsed)) return null
    const type = (isRecord(parsed.sdp) ? parsed.sdp : parsed).type
    return type === 'offer' || type === 'answer' ? type : null
  } catch {
    return null
  }
}
