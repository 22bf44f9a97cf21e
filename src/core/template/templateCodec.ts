import { BitReader, BitWriter, ByteReader, ByteWriter, TemplateDecodeError } from './byteStream.js'
import {
  candidateEndpoint,
  readAddress,
  readCandidate,
  writeAddress,
  writeCandidate,
} from './candidateCodec.js'
import { diffLines, readEdited, writeEdits } from './lineDiff.js'
import { SDP_TEMPLATE_LINES, SDP_TEMPLATES } from './sdpTemplates.js'
import {
  CANDIDATES,
  SLOT_PATTERN,
  isSlotValue,
  skeletonOf,
  slotDefault,
  slotKindOf,
  type SlotKind,
} from './skeleton.js'

// The body of a template signal:
//   template id · edits of that template's skeleton · one prefix code per placeholder
//   (0 = as the previous one of its kind, 10 = the default, 110 = an earlier value, 111 = a new one)
//   · the candidates of each candidate run · the placeholders' values, in order.
// The SDP is the skeleton with its placeholders filled in; lines end as the flag says.

let templates: (readonly string[])[] | undefined
function templateLines(): (readonly string[])[] {
  if (!templates) {
    const pool = SDP_TEMPLATE_LINES.split('\n')
    templates = SDP_TEMPLATES.map((indexes) => indexes.map((i) => pool[i] ?? ''))
  }
  return templates
}

// --- values ---------------------------------------------------------------------------------

const ICE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function writeIceText(w: ByteWriter, text: string): void {
  const hex = /^[0-9a-f]+$/.test(text)
  w.varint(text.length * 2 + (hex ? 1 : 0))
  const [alphabet, bitsPer] = hex ? ['0123456789abcdef', 4] : [ICE_ALPHABET, 6]
  let value = 0
  let bits = 0
  for (const char of text) {
    value = ((value << bitsPer) | alphabet.indexOf(char)) & 0xffff
    bits += bitsPer
    while (bits >= 8) {
      bits -= 8
      w.byte(value >> bits)
    }
  }
  if (bits > 0) w.byte(value << (8 - bits))
}

function readIceText(r: ByteReader): string {
  const head = r.varint()
  const length = Math.floor(head / 2)
  const [alphabet, bitsPer] = head & 1 ? ['0123456789abcdef', 4] : [ICE_ALPHABET, 6]
  if (length === 0 || length > 256) throw new TemplateDecodeError('bad ICE text')
  const bytes = r.raw(Math.ceil((length * bitsPer) / 8))
  let out = ''
  let value = 0
  let bits = 0
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff
    bits += 8
    while (bits >= bitsPer && out.length < length) {
      bits -= bitsPer
      out += alphabet[(value >> bits) & ((1 << bitsPer) - 1)]
    }
  }
  return out
}

function writeValue(w: ByteWriter, kind: SlotKind, text: string): void {
  switch (kind) {
    case 'ufrag':
    case 'pwd':
      return writeIceText(w, text)
    case 'fingerprint': {
      const bytes = text.split(':').map((b) => parseInt(b, 16))
      w.varint(bytes.length)
      return w.raw(bytes)
    }
    case 'ssrc':
      return w.u32(Number(text))
    case 'stream':
      return w.u32(parseInt(text, 16))
    case 'port':
    case 'rtcpPort':
      return w.varint(Number(text))
    case 'address':
    case 'rtcpAddress':
      return writeAddress(w, text)
  }
}

function readValue(r: ByteReader, kind: SlotKind): string {
  switch (kind) {
    case 'ufrag':
    case 'pwd':
      return readIceText(r)
    case 'fingerprint': {
      const length = r.count()
      if (length === 0 || length > 64) throw new TemplateDecodeError('bad fingerprint')
      return Array.from(r.raw(length), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(
        ':',
      )
    }
    case 'ssrc':
      return String(r.u32())
    case 'stream':
      return r.u32().toString(16).padStart(8, '0')
    case 'port':
    case 'rtcpPort': {
      const port = r.varint()
      if (port > 65535) throw new TemplateDecodeError('bad port')
      return String(port)
    }
    case 'address':
    case 'rtcpAddress':
      return readAddress(r)
  }
}

// --- sections: the defaults of the m=, c= and a=rtcp lines come from their section's candidates ---

type Endpoint = NonNullable<ReturnType<typeof candidateEndpoint>>

/** For each line of a skeleton, the endpoints of its media section's candidates. */
function sectionEndpoints(lines: readonly string[], runs: readonly string[][]): Endpoint[][] {
  const bySection: Endpoint[][] = [[]]
  let run = 0
  for (const line of lines) {
    if (line.startsWith('m=')) bySection.push([])
    if (line === CANDIDATES) {
      for (const candidate of runs[run++] ?? []) {
        const endpoint = candidateEndpoint(candidate)
        if (endpoint) bySection[bySection.length - 1]?.push(endpoint)
      }
    }
  }
  let section = 0
  return lines.map((line) => {
    if (line.startsWith('m=')) section++
    return bySection[section] ?? []
  })
}

// --- encode and decode ------------------------------------------------------------------------

const LF_FLAG = 1

/**
 * The template body of an SDP (through `normalizeMediaIds` first), or `null` when no template
 * reproduces it exactly: the caller then writes the deflate format. Proven: the body is decoded
 * again, and only one that gives back the same SDP is returned.
 */
export function encodeTemplateBody(sdp: string): { flags: number; body: Uint8Array } | null {
  const lf = !sdp.includes('\r\n')
  const skeleton = skeletonOf(sdp)
  if (!skeleton || (!lf && /(^|[^\r])\n/.test(sdp))) return null
  if (skeleton.values.some(({ kind, text }) => !isSlotValue(kind, text))) return null

  // The template whose edits are smallest.
  let w: ByteWriter | null = null
  for (const [id, template] of templateLines().entries()) {
    const candidate = new ByteWriter()
    candidate.varint(id)
    writeEdits(candidate, diffLines(template, skeleton.lines))
    if (!w || candidate.length < w.length) w = candidate
  }
  if (!w) return null

  const endpoints = sectionEndpoints(skeleton.lines, skeleton.candidates)
  const codes = new BitWriter()
  const values = new ByteWriter()
  const seen = new Map<SlotKind, string[]>()
  const previous = new Map<SlotKind, string>()
  let valueIndex = 0
  skeleton.lines.forEach((line, i) => {
    for (const char of line.match(SLOT_PATTERN) ?? []) {
      const kind = slotKindOf(char)
      const value = skeleton.values[valueIndex++]
      if (!kind || !value) continue
      const list = seen.get(kind) ?? []
      const earlier = list.indexOf(value.text)
      if (previous.get(kind) === value.text) codes.write('0')
      else if (slotDefault(kind, endpoints[i] ?? []) === value.text) codes.write('10')
      else if (earlier >= 0) {
        codes.write('110')
        values.varint(earlier)
      } else {
        codes.write('111')
        writeValue(values, kind, value.text)
        list.push(value.text)
        seen.set(kind, list)
      }
      previous.set(kind, value.text)
    }
  })
  w.raw(codes.toBytes())
  for (const run of skeleton.candidates) {
    w.varint(run.length)
    for (const candidate of run) writeCandidate(w, candidate)
  }
  w.raw(values.toBytes())
  const flags = lf ? LF_FLAG : 0
  const body = w.toBytes()
  try {
    if (decodeTemplateBody(flags, body) !== sdp) return null
  } catch {
    return null
  }
  return { flags, body }
}

/** The SDP of a template body. Throws `TemplateDecodeError` when the body cannot be one. */
export function decodeTemplateBody(flags: number, body: Uint8Array): string {
  const r = new ByteReader(body)
  const template = templateLines()[r.varint()]
  if (!template) throw new TemplateDecodeError('unknown template')
  const lines = readEdited(r, template)

  // The prefix codes, one per placeholder.
  const slots = lines.flatMap((line, i) =>
    (line.match(SLOT_PATTERN) ?? []).map((char) => ({ line: i, kind: slotKindOf(char) })),
  )
  const bits = new BitReader(r.peek())
  const codes = slots.map(() => {
    if (bits.bit() === 0) return 0
    if (bits.bit() === 0) return 1
    return bits.bit() === 0 ? 2 : 3
  })
  r.raw(bits.bytesRead)

  const runs: string[][] = lines
    .filter((line) => line === CANDIDATES)
    .map(() => {
      const count = r.count()
      return Array.from({ length: count }, () => readCandidate(r))
    })
  const endpoints = sectionEndpoints(lines, runs)

  const seen = new Map<SlotKind, string[]>()
  const previous = new Map<SlotKind, string>()
  const filled = slots.map(({ line, kind }, i) => {
    if (!kind) throw new TemplateDecodeError('bad slot')
    const list = seen.get(kind) ?? []
    let value: string | null | undefined
    switch (codes[i]) {
      case 0:
        value = previous.get(kind)
        break
      case 1:
        value = slotDefault(kind, endpoints[line] ?? [])
        break
      case 2:
        value = list[r.varint()]
        break
      default:
        value = readValue(r, kind)
        list.push(value)
        seen.set(kind, list)
    }
    if (value == null) throw new TemplateDecodeError('no such value')
    previous.set(kind, value)
    return value
  })
  if (r.left !== 0) throw new TemplateDecodeError('bytes left over')

  let slot = 0
  let run = 0
  const out = lines.flatMap((line) =>
    line === CANDIDATES
      ? (runs[run++] ?? []).map((candidate) => `a=${candidate}`)
      : [line.replace(SLOT_PATTERN, () => filled[slot++] ?? '')],
  )
  return out.join(flags & LF_FLAG ? '\n' : '\r\n')
}
