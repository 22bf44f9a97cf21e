import { createP2PError, type P2PErrorCode } from './errors.js'
import type {
  DecodeSignalResult,
  SignalBundle,
  SignalCandidate,
  SignalKind,
} from './signalCodec.js'
import { crc32 } from './crc32.js'
import { SDP_DICTIONARY } from './sdpDictionary.js'

/** The version this build writes; it reads this one only (a newer one gets `ERR_SIGNAL_VERSION`). */
export const COMPACT_SIGNAL_VERSION = 1

/** What a compact signal says about itself before it is inflated. */
export interface CompactSignalHeader {
  readonly version: number
  readonly kind: SignalKind
  /** The signal's checksum (CRC-32 of its content); an offer's id, which its answer repeats. */
  readonly id: number
  /** Answers only: the id of the offer this answer was made for. */
  readonly answers: number | null
}

const PREFIX = /^p2p(\d+)\.(offer|answer)\.(.*)$/s
const DICTIONARY_FLAG = 1
const EXTRA_CANDIDATES_FLAG = 2
// Code units the dictionary substitution uses: 0x80 + index. Browser SDPs are ASCII, so none occurs.
const CODE_BASE = 0x80
const HEADER_BYTES = { offer: 5, answer: 9 } as const

/**
 * Whether a text is in the compact format (by its prefix), whatever its version.
 *
 * @example
 * isCompactSignal('p2p1.offer.AbC…') // true
 */
export function isCompactSignal(text: string): boolean {
  return /^p2p\d+\./.test(text.trim())
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

// --- the SDP-aware step: a fixed dictionary of what browsers write in every SDP -----------------

function substitute(text: string): string {
  let out = text
  SDP_DICTIONARY.forEach((entry, i) => {
    out = out.split(entry).join(String.fromCharCode(CODE_BASE + i))
  })
  return out
}

function expand(text: string): string {
  let out = text
  for (let i = SDP_DICTIONARY.length - 1; i >= 0; i--) {
    out = out.split(String.fromCharCode(CODE_BASE + i)).join(SDP_DICTIONARY[i] ?? '')
  }
  return out
}

const isAscii = (text: string) => !/[\u0080-\uffff]/.test(text)

// --- deflate-raw with the browser's own streams --------------------------------------------------

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const fromLatin1 = (bytes: Uint8Array) => {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192))
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
  const { sdp } = bundle.sdp
  const extra = bundle.candidates.filter(
    (c) => c.candidate && !sdp.includes(`a=${c.candidate}\r\n`),
  )
  return extra.length > 0 ? `${sdp}\u0000${JSON.stringify(extra)}` : sdp
}

/** The id of the offer whose content is `bundle`: what an answer to it repeats. */
export function compactSignalId(bundle: SignalBundle): number {
  return crc32(contentOf(bundle))
}

/**
 * Encodes a bundle in the compact format: `p2p1.offer.` or `p2p1.answer.`, then base64url of a
 * header (flags, CRC-32 checksum, and for answers the id of the offer answered) and the SDP,
 * compressed with `CompressionStream('deflate-raw')` after a lossless dictionary step.
 *
 * @param answers - for an answer: the `id` of the offer it answers (from {@link decodeSignal}).
 * @example
 * const text = await encodeCompactSignal({ sdp: pc.localDescription.toJSON(), candidates: [] })
 */
export async function encodeCompactSignal(
  bundle: SignalBundle,
  answers?: number | null,
): Promise<string> {
  const kind = bundle.sdp.type
  const content = contentOf(bundle)
  const ascii = isAscii(content)
  const body = ascii ? latin1(substitute(content)) : new TextEncoder().encode(content)
  const deflated = await pipe(body, new CompressionStream('deflate-raw'))
  const header = new Uint8Array(HEADER_BYTES[kind])
  header[0] =
    (ascii ? DICTIONARY_FLAG : 0) |
    (content.length > bundle.sdp.sdp.length ? EXTRA_CANDIDATES_FLAG : 0)
  writeUint32(header, 1, crc32(content))
  if (kind === 'answer') writeUint32(header, 5, answers ?? 0)
  const bytes = new Uint8Array(header.length + deflated.length)
  bytes.set(header)
  bytes.set(deflated, header.length)
  return `p2p${COMPACT_SIGNAL_VERSION}.${kind}.${toBase64Url(bytes)}`
}

type Read<T> = { ok: true; value: T } | { ok: false; code: P2PErrorCode; cause?: unknown }

function readPayload(text: string): Read<{ header: CompactSignalHeader; bytes: Uint8Array }> {
  // Chat apps wrap long lines: whitespace is never part of a signal.
  const match = PREFIX.exec(text.replace(/\s+/g, ''))
  if (!match) return { ok: false, code: 'ERR_SIGNAL_NOT_JSON' }
  const [, version, kind, payload = ''] = match as unknown as [string, string, SignalKind, string]
  if (Number(version) !== COMPACT_SIGNAL_VERSION) return { ok: false, code: 'ERR_SIGNAL_VERSION' }
  const bytes = fromBase64Url(payload)
  if (!bytes) return { ok: false, code: 'ERR_SIGNAL_CHANGED' }
  if (bytes.length <= HEADER_BYTES[kind]) return { ok: false, code: 'ERR_SIGNAL_TRUNCATED' }
  const header: CompactSignalHeader = {
    version: COMPACT_SIGNAL_VERSION,
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
  if (typeof DecompressionStream !== 'function') {
    return { ok: false, error: createP2PError('ERR_SIGNAL_UNSUPPORTED') }
  }
  const flags = bytes[0] ?? 0
  let content: string
  try {
    const body = await pipe(
      bytes.subarray(HEADER_BYTES[header.kind]),
      new DecompressionStream('deflate-raw'),
    )
    content = flags & DICTIONARY_FLAG ? expand(fromLatin1(body)) : new TextDecoder().decode(body)
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
