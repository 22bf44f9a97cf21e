import { createP2PError, type P2PErrorCode } from './errors.js'
import type {
  DecodeSignalResult,
  SignalBundle,
  SignalCandidate,
  SignalKind,
} from './signalCodec.js'
import { fromBase43, toBase43 } from './base43.js'
import { crc32 } from './crc32.js'
import { normalizeMediaIds } from './sdpMediaIds.js'

/**
 * The version this build writes when a template reproduces the SDP: `p2p2`, the template signal
 * (a few hundred characters). Otherwise it writes `p2p1`, the SDP deflated. It reads both; a newer
 * one gets `ERR_SIGNAL_VERSION`.
 */
export const COMPACT_SIGNAL_VERSION = 2
const DEFLATE_VERSION = 1

/** What a compact signal says about itself before it is inflated. */
export interface CompactSignalHeader {
  readonly version: number
  readonly kind: SignalKind
  /** The signal's checksum (CRC-32 of its content); an offer's id, which its answer repeats. */
  readonly id: number
  /** Answers only: the id of the offer this answer was made for. */
  readonly answers: number | null
}

// `p2p2.offer.` + base64url (the shortest text), or `P2P2.OFFER.` + base43 (the same bytes in a
// QR code's alphanumeric mode, for links and QR codes).
const PREFIX = /^(?:p2p(\d+)\.(offer|answer)|P2P(\d+)\.(OFFER|ANSWER))\.(.*)$/s
export const DICTIONARY_FLAG = 1
const EXTRA_CANDIDATES_FLAG = 2
const HEADER_BYTES = { offer: 5, answer: 9 } as const

/**
 * Whether a text is in the compact format (by its prefix), whatever its version.
 *
 * @example
 * isCompactSignal('p2p1.offer.AbC…') // true
 */
export function isCompactSignal(text: string): boolean {
  return /^(p2p|P2P)\d+\./.test(text.trim())
}

// --- base64url ------------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

/** `null` when the text has a character outside base64url (after removing whitespace). */
function fromBase64Url(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 6) / 8))
  let bits = 0
  let value = 0
  let o = 0
  for (const char of text) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = ((value << 6) | digit) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  return out
}

function writeUint32(bytes: Uint8Array, at: number, value: number) {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value >>> 0)
}
function readUint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at)
}

/** The content a compact signal carries: the SDP, then any candidates it lacks (as JSON). */
function contentOf(bundle: SignalBundle): string {
  const extra = extraCandidates(bundle)
  return extra.length > 0 ? `${bundle.sdp.sdp}\u0000${JSON.stringify(extra)}` : bundle.sdp.sdp
}

/**
 * The candidates of a bundle that its SDP lacks. Chromium's candidate events add `ufrag …` to
 * the line its SDP writes without it: the same candidate.
 */
function extraCandidates(bundle: SignalBundle): SignalCandidate[] {
  const { sdp } = bundle.sdp
  return bundle.candidates.filter((c) => {
    if (!c.candidate) return false
    const line = `a=${c.candidate}`
    const withoutUfrag = line.replace(/ ufrag \S+/, '')
    return !sdp.includes(`${line}\r\n`) && !sdp.includes(`${withoutUfrag}\r\n`)
  })
}

/**
 * The id of an offer that travelled as JSON or as a deflate signal: what an answer to it repeats.
 * A template signal's id is its header's (`readCompactHeader(text).id`, the checksum of the SDP it
 * regenerates, media ids normalized).
 */
export function compactSignalId(bundle: SignalBundle): number {
  return crc32(contentOf(bundle))
}

/**
 * Encodes a bundle in the compact format. Where a template reproduces the SDP (every current
 * Chromium, Firefox and Safari offer and answer captured): `p2p2.offer.` or `p2p2.answer.`, then
 * base64url of a header (flags, CRC-32 checksum, for answers the id of the offer answered) and the
 * template signal's fields — a few hundred characters. Otherwise, or when that is not shorter,
 * `p2p1.`: the SDP compressed with `CompressionStream('deflate-raw')` after a dictionary step.
 *
 * @param answers - for an answer: the `id` of the offer it answers (from {@link decodeSignal}).
 * @param options - `version: 1` writes the deflate format (for a peer on an older kit).
 * @example
 * const text = await encodeCompactSignal({ sdp: pc.localDescription.toJSON(), candidates: [] })
 */
export async function encodeCompactSignal(
  bundle: SignalBundle,
  answers?: number | null,
  options: { version?: 1 | 2 } = {},
): Promise<string> {
  if (options.version === DEFLATE_VERSION) return encodeDeflateSignal(bundle, answers)
  const [template, deflated] = await Promise.all([
    encodeTemplateSignal(bundle, answers),
    typeof CompressionStream === 'function'
      ? encodeDeflateSignal(bundle, answers).catch(() => null)
      : null,
  ])
  if (template && (!deflated || template.length <= deflated.length)) return template
  return deflated ?? encodeDeflateSignal(bundle, answers)
}

function header(kind: SignalKind, flags: number, id: number, answers?: number | null) {
  const bytes = new Uint8Array(HEADER_BYTES[kind])
  bytes[0] = flags
  writeUint32(bytes, 1, id)
  if (kind === 'answer') writeUint32(bytes, 5, answers ?? 0)
  return bytes
}

const joined = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

type TemplateCodec = typeof import('./template/templateCodec.js')
// The templates' chunk, kept once loaded: an `import()` of a chunk already there still waits for a
// turn of the task queue, and the answer that completes a call is read right at its click.
let templateCodec: TemplateCodec | undefined
const loadTemplateCodec = async () =>
  (templateCodec ??= await import('./template/templateCodec.js'))

/** The template signal of a bundle, or `null` when no template reproduces it (or it has extras). */
async function encodeTemplateSignal(
  bundle: SignalBundle,
  answers?: number | null,
): Promise<string | null> {
  if (extraCandidates(bundle).length > 0) return null
  const sdp = normalizeMediaIds(bundle.sdp.sdp)
  let encoded: ReturnType<TemplateCodec['encodeTemplateBody']>
  try {
    // The templates (a chunk of 8.6 kB) are loaded when a signal is first written or read.
    const { encodeTemplateBody } = await loadTemplateCodec()
    encoded = encodeTemplateBody(sdp)
  } catch {
    // A chunk that cannot be loaded (offline after a redeploy): the deflate signal still works.
    return null
  }
  if (!encoded) return null
  const kind = bundle.sdp.type
  const bytes = joined(header(kind, encoded.flags, crc32(sdp), answers), encoded.body)
  return `p2p${COMPACT_SIGNAL_VERSION}.${kind}.${toBase64Url(bytes)}`
}

async function encodeDeflateSignal(bundle: SignalBundle, answers?: number | null): Promise<string> {
  const kind = bundle.sdp.type
  const content = contentOf(bundle)
  // The dictionary and deflate are a lazy chunk of their own, loaded with the templates' (in
  // parallel): the signal's text and header stay in the main bundle.
  const { deflateContent } = await import('./deflateSignal.js')
  const { bytes: deflated, dictionary } = await deflateContent(content)
  const flags =
    (dictionary ? DICTIONARY_FLAG : 0) |
    (content.length > bundle.sdp.sdp.length ? EXTRA_CANDIDATES_FLAG : 0)
  const bytes = joined(header(kind, flags, crc32(content), answers), deflated)
  return `p2p${DEFLATE_VERSION}.${kind}.${toBase64Url(bytes)}`
}

/**
 * A compact signal written for a QR code: a `p2p2` signal as `P2P2.OFFER.` + base43, which a QR
 * code holds in alphanumeric mode (about a quarter fewer modules); anything else as it is. Both
 * forms decode the same way.
 *
 * @example
 * qrSignalText('p2p2.offer.AbC…') // 'P2P2.OFFER.8Q…'
 */
export function qrSignalText(text: string): string {
  const trimmed = text.trim()
  const match = /^p2p(\d+)\.(offer|answer)\.([A-Za-z0-9_-]+)$/.exec(trimmed)
  if (!match || Number(match[1]) < 2) return trimmed
  const bytes = fromBase64Url(match[3] ?? '')
  if (!bytes) return trimmed
  return `P2P${match[1]}.${(match[2] ?? '').toUpperCase()}.${toBase43(bytes)}`
}

/**
 * The text form of a signal written by {@link qrSignalText} (`P2P2.OFFER.…` back to
 * `p2p2.offer.…`); anything else as it is.
 *
 * @example
 * plainSignalText(qrSignalText(text)) === text.trim() // true
 */
export function plainSignalText(text: string): string {
  const trimmed = text.trim()
  const match = /^P2P(\d+)\.(OFFER|ANSWER)\.([0-9A-Z$*+\-./:]+)$/.exec(trimmed)
  const bytes = match ? fromBase43(match[3] ?? '') : null
  if (!match || !bytes) return trimmed
  return `p2p${match[1]}.${(match[2] ?? '').toLowerCase()}.${toBase64Url(bytes)}`
}

type Read<T> = { ok: true; value: T } | { ok: false; code: P2PErrorCode; cause?: unknown }

function readPayload(text: string): Read<{ header: CompactSignalHeader; bytes: Uint8Array }> {
  // Chat apps wrap long lines: whitespace is never part of a signal.
  const match = PREFIX.exec(text.replace(/\s+/g, ''))
  if (!match) return { ok: false, code: 'ERR_SIGNAL_NOT_JSON' }
  const qr = match[3] !== undefined
  const version = Number(qr ? match[3] : match[1])
  const kind = (qr ? (match[4] ?? '').toLowerCase() : match[2]) as SignalKind
  const payload = match[5] ?? ''
  if (version !== COMPACT_SIGNAL_VERSION && version !== DEFLATE_VERSION) {
    return { ok: false, code: 'ERR_SIGNAL_VERSION' }
  }
  // A base43 text of 3n + 1 characters is one cut in the middle of a group.
  if (qr && payload.length % 3 === 1) return { ok: false, code: 'ERR_SIGNAL_TRUNCATED' }
  const bytes = qr ? fromBase43(payload) : fromBase64Url(payload)
  if (!bytes) return { ok: false, code: 'ERR_SIGNAL_CHANGED' }
  if (bytes.length <= HEADER_BYTES[kind]) return { ok: false, code: 'ERR_SIGNAL_TRUNCATED' }
  const header: CompactSignalHeader = {
    version,
    kind,
    id: readUint32(bytes, 1),
    answers: kind === 'answer' ? readUint32(bytes, 5) : null,
  }
  return { ok: true, value: { header, bytes } }
}

/**
 * Reads the header of a compact signal without inflating it (kind, id, and for an answer which offer
 * it answers), or `null` when the text is not a readable compact signal.
 *
 * @example
 * readCompactHeader(pasted)?.kind // 'offer'
 */
export function readCompactHeader(text: string): CompactSignalHeader | null {
  const read = readPayload(text)
  return read.ok ? read.value.header : null
}

function isCandidateList(value: unknown): value is SignalCandidate[] {
  return (
    Array.isArray(value) &&
    value.every(
      (c: unknown) =>
        typeof c === 'object' && c !== null && typeof (c as SignalCandidate).candidate === 'string',
    )
  )
}

/**
 * Decodes a compact signal into a bundle (the SDP itself is checked by the caller, as for JSON).
 * Every failure is a code: truncated, changed in transit, a newer version, or no browser support.
 */
export async function inflateCompactSignal(
  text: string,
): Promise<DecodeSignalResult & { header?: CompactSignalHeader }> {
  const read = readPayload(text)
  if (!read.ok) return { ok: false, error: createP2PError(read.code, read.cause) }
  const { header, bytes } = read.value
  if (header.version === COMPACT_SIGNAL_VERSION) return readTemplateSignal(header, bytes)
  if (typeof DecompressionStream !== 'function') {
    return { ok: false, error: createP2PError('ERR_SIGNAL_UNSUPPORTED') }
  }
  const flags = bytes[0] ?? 0
  let inflate: typeof import('./deflateSignal.js').inflateContent
  try {
    inflate = (await import('./deflateSignal.js')).inflateContent
  } catch (cause) {
    // The chunk cannot be loaded (offline after a redeploy): ask for JSON instead.
    return { ok: false, error: createP2PError('ERR_SIGNAL_UNSUPPORTED', cause) }
  }
  let content: string
  try {
    content = await inflate(bytes.subarray(HEADER_BYTES[header.kind]), flags & DICTIONARY_FLAG)
  } catch (cause) {
    // An inflate error is almost always a cut-off copy; a changed one usually fails the checksum.
    return { ok: false, error: createP2PError('ERR_SIGNAL_TRUNCATED', cause) }
  }
  if (crc32(content) !== header.id) {
    return { ok: false, error: createP2PError('ERR_SIGNAL_CHANGED') }
  }
  const [sdp = '', extra] = flags & EXTRA_CANDIDATES_FLAG ? content.split('\u0000') : [content]
  let candidates: SignalCandidate[] = []
  if (extra !== undefined) {
    try {
      const parsed: unknown = JSON.parse(extra)
      if (!isCandidateList(parsed)) throw new Error('not a candidate list')
      candidates = parsed
    } catch (cause) {
      return { ok: false, error: createP2PError('ERR_SIGNAL_SHAPE', cause) }
    }
  }
  return { ok: true, signal: { sdp: { type: header.kind, sdp }, candidates }, header }
}

// What the template reader says when its bytes run out: a copy cut short. (A count beyond the end
// is as often a changed byte as a cut: it says "changed".)
const CUT_OFF = new Set(['cut off'])

async function readTemplateSignal(
  header: CompactSignalHeader,
  bytes: Uint8Array,
): Promise<DecodeSignalResult & { header?: CompactSignalHeader }> {
  let codec: TemplateCodec
  try {
    codec = await loadTemplateCodec()
  } catch (cause) {
    // The templates' chunk cannot be loaded (offline after a redeploy): ask for JSON instead.
    return { ok: false, error: createP2PError('ERR_SIGNAL_UNSUPPORTED', cause) }
  }
  let sdp: string
  try {
    sdp = codec.decodeTemplateBody(bytes[0] ?? 0, bytes.subarray(HEADER_BYTES[header.kind]))
  } catch (cause) {
    // A template signal cut short runs out; one with a byte changed reads as nonsense, or fails
    // the checksum below.
    const cutOff = cause instanceof Error && CUT_OFF.has(cause.message)
    return {
      ok: false,
      error: createP2PError(cutOff ? 'ERR_SIGNAL_TRUNCATED' : 'ERR_SIGNAL_CHANGED', cause),
    }
  }
  if (crc32(sdp) !== header.id) return { ok: false, error: createP2PError('ERR_SIGNAL_CHANGED') }
  return { ok: true, signal: { sdp: { type: header.kind, sdp }, candidates: [] }, header }
}
