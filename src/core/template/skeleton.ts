import { canonicalNumber, isIpv4 } from './candidateCodec.js'

// An SDP split into what a browser writes the same way every time (its skeleton: lines with
// placeholders) and what varies per call (the values of the placeholders, and the candidates).
// The skeleton is what the templates hold; the values are what a template signal carries.

/** What each placeholder stands for. Control characters never occur in an SDP. */
export const SLOT = {
  ufrag: '\u0001',
  pwd: '\u0002',
  fingerprint: '\u0003',
  ssrc: '\u0004',
  stream: '\u0005',
  port: '\u0006',
  address: '\u0007',
  rtcpPort: '\u0010',
  rtcpAddress: '\u0011',
} as const

export type SlotKind = keyof typeof SLOT

/** The line that stands for a run of `a=candidate:` lines. */
export const CANDIDATES = '\u000e'

const KIND_OF = new Map<string, SlotKind>(
  Object.entries(SLOT).map(([kind, char]) => [char, kind as SlotKind]),
)

/** The kind of a placeholder character, or `undefined` for any other character. */
export const slotKindOf = (char: string) => KIND_OF.get(char)

/** A regular expression that finds placeholders. */
// eslint-disable-next-line no-control-regex -- placeholders are control characters on purpose
export const SLOT_PATTERN = /[\u0001-\u0007\u0010\u0011]/g

export interface Skeleton {
  lines: string[]
  /** The placeholders' values, in the order they appear. */
  values: { kind: SlotKind; text: string }[]
  /** The candidate lines (without `a=`) of each CANDIDATES line, in order. */
  candidates: string[][]
}

const ICE_CHARS = /^[A-Za-z0-9+/]+$/
const FINGERPRINT = /^(?:[0-9A-F]{2}:)*[0-9A-F]{2}$/

/**
 * The skeleton of an SDP (already through `normalizeMediaIds`), or `null` when it holds a
 * character a skeleton cannot (a control character, or one above U+00FF).
 */
export function skeletonOf(sdp: string): Skeleton | null {
  // eslint-disable-next-line no-control-regex -- an SDP holds none; the placeholders would clash
  if (/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u0100-\uffff]/.test(sdp)) return null
  const values: Skeleton['values'] = []
  const candidates: string[][] = []
  const lines: string[] = []
  const slot = (kind: SlotKind, text: string) => {
    values.push({ kind, text })
    return SLOT[kind]
  }
  const port = (kind: 'port' | 'rtcpPort', text: string) =>
    canonicalNumber(text, 65535) === null ? text : slot(kind, text)
  const ssrc = (text: string) =>
    canonicalNumber(text, 0xffffffff) === null ? text : slot('ssrc', text)
  const streams = (text: string) =>
    text.replace(
      /(^|[ :])s([0-9a-f]{8})(?= |$)/g,
      (_all, before: string, hex: string) => `${before}s${slot('stream', hex)}`,
    )

  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('a=candidate:')) {
      if (lines[lines.length - 1] !== CANDIDATES) {
        lines.push(CANDIDATES)
        candidates.push([])
      }
      candidates[candidates.length - 1]?.push(line.slice(2))
      continue
    }
    let m: RegExpExecArray | null
    if ((m = /^m=(\S+) (\d+)( .*)$/.exec(line))) {
      lines.push(`m=${m[1]} ${port('port', m[2] ?? '')}${m[3]}`)
    } else if ((m = /^c=IN (IP4|IP6) (\S+)$/.exec(line))) {
      lines.push(`c=IN ${m[1]} ${slot('address', m[2] ?? '')}`)
    } else if ((m = /^a=rtcp:(\d+)(?: IN (IP4|IP6) (\S+))?$/.exec(line))) {
      const at = port('rtcpPort', m[1] ?? '')
      lines.push(
        m[2] ? `a=rtcp:${at} IN ${m[2]} ${slot('rtcpAddress', m[3] ?? '')}` : `a=rtcp:${at}`,
      )
    } else if ((m = /^a=ice-(ufrag|pwd):(\S+)$/.exec(line)) && ICE_CHARS.test(m[2] ?? '')) {
      lines.push(`a=ice-${m[1]}:${slot(m[1] === 'pwd' ? 'pwd' : 'ufrag', m[2] ?? '')}`)
    } else if ((m = /^a=fingerprint:(\S+) (\S+)$/.exec(line)) && FINGERPRINT.test(m[2] ?? '')) {
      lines.push(`a=fingerprint:${m[1]} ${slot('fingerprint', m[2] ?? '')}`)
    } else if ((m = /^a=ssrc:(\d+) (.*)$/.exec(line))) {
      lines.push(`a=ssrc:${ssrc(m[1] ?? '')} ${streams(m[2] ?? '')}`)
    } else if ((m = /^a=ssrc-group:(\S+)((?: \d+)+)$/.exec(line))) {
      const ssrcs = (m[2] ?? '').slice(1).split(' ').map(ssrc)
      lines.push(`a=ssrc-group:${m[1]} ${ssrcs.join(' ')}`)
    } else if (/^a=msid(-semantic)?:/.test(line)) {
      lines.push(streams(line))
    } else lines.push(line)
  }
  return { lines, values, candidates }
}

/** The default of an address or port slot: what the section's candidates say, else `9` / `0.0.0.0`. */
export function slotDefault(
  kind: SlotKind,
  endpoints: readonly { component: number; address: string; port: string }[],
): string | null {
  const rtcp = kind === 'rtcpPort' || kind === 'rtcpAddress'
  if (kind !== 'port' && kind !== 'address' && !rtcp) return null
  const endpoint = endpoints.find((e) => e.component === (rtcp ? 2 : 1))
  if (kind === 'port' || kind === 'rtcpPort') return endpoint?.port ?? '9'
  return endpoint?.address ?? '0.0.0.0'
}

/** Whether `text` is a value a slot of `kind` can carry in its binary form. */
export function isSlotValue(kind: SlotKind, text: string): boolean {
  switch (kind) {
    case 'ufrag':
    case 'pwd':
      return ICE_CHARS.test(text)
    case 'fingerprint':
      return FINGERPRINT.test(text)
    case 'ssrc':
      return canonicalNumber(text, 0xffffffff) !== null
    case 'stream':
      return /^[0-9a-f]{8}$/.test(text)
    case 'port':
    case 'rtcpPort':
      return canonicalNumber(text, 65535) !== null
    case 'address':
    case 'rtcpAddress':
      return /^\S+$/.test(text) || isIpv4(text)
  }
}
