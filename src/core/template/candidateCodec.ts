import { ByteReader, ByteWriter, TemplateDecodeError } from './byteStream.js'

// ICE candidates (RFC 8839 `candidate-attribute`) in a few bytes: the fields Chromium, Firefox and
// Safari write, in the order they write them. A line of another shape travels whole.

const CANDIDATE =
  /^candidate:(\S+) (\d+) (udp|UDP|tcp|TCP) (\d+) (\S+) (\d+) typ (host|srflx|prflx|relay)(?: raddr (\S+) rport (\d+))?(?: tcptype (active|passive|so))?(?: generation (\d+))?(?: network-id (\d+))?(?: network-cost (\d+))?$/

const TYPES = ['host', 'srflx', 'prflx', 'relay'] as const
const TCP_TYPES = ['', 'active', 'passive', 'so'] as const

// Flag bits, the common ones low (a Chromium candidate's flags fit one varint byte).
const RADDR = 1 << 3
const GENERATION_0 = 1 << 4
const NETWORK_ID = 1 << 5
const NETWORK_COST = 1 << 6
const FOUNDATION_TEXT = 1 << 7
const UPPER_CASE = 1 << 8
const TCP_TYPE_SHIFT = 9
const COMPONENT = 1 << 11
const FULL_PRIORITY = 1 << 12
const GENERATION_N = 1 << 13
const RAW = 1 << 14
const TCP = 1 << 2

/** A decimal number as browsers write it (no sign, no leading zero), at most `max`. */
export function canonicalNumber(text: string | undefined, max: number): number | null {
  if (text === undefined || !/^(0|[1-9]\d*)$/.test(text)) return null
  const value = Number(text)
  return value <= max ? value : null
}

// --- addresses ------------------------------------------------------------------------------

const ADDRESS_IPV4 = 0
const ADDRESS_TEXT = 1
const ADDRESS_MDNS = 2
/** Only for a related address: `raddr 0.0.0.0 rport 0`, what Chromium writes to hide the host's. */
export const ADDRESS_HIDDEN = 3

const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/
const MDNS = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\.local$/

function ipv4Bytes(address: string): number[] | null {
  const match = IPV4.exec(address)
  if (!match) return null
  const bytes = match.slice(1).map(Number)
  return bytes.every((b) => b <= 255) ? bytes : null
}

/** Whether an address is a plain IPv4 one (4 bytes, no tag). */
export const isIpv4 = (address: string) => ipv4Bytes(address) !== null

/** Writes an address: a tag, then 4 bytes (IPv4), 16 (an mDNS name) or the text. */
export function writeAddress(w: ByteWriter, address: string, tagged = true): void {
  const ipv4 = ipv4Bytes(address)
  if (ipv4) {
    if (tagged) w.byte(ADDRESS_IPV4)
    w.raw(ipv4)
    return
  }
  const mdns = MDNS.exec(address)
  if (mdns) {
    w.byte(ADDRESS_MDNS)
    const hex = mdns.slice(1).join('')
    for (let i = 0; i < 32; i += 2) w.byte(parseInt(hex.slice(i, i + 2), 16))
    return
  }
  w.byte(ADDRESS_TEXT)
  w.latin1(address)
}

/** Reads what {@link writeAddress} wrote (`tag` already read, or read here). */
export function readAddress(r: ByteReader, tag: number = r.byte()): string {
  if (tag === ADDRESS_IPV4) return Array.from(r.raw(4)).join('.')
  if (tag === ADDRESS_MDNS) {
    const hex = Array.from(r.raw(16), (b) => b.toString(16).padStart(2, '0')).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}.local`
  }
  if (tag === ADDRESS_TEXT) {
    const text = r.latin1()
    if (!/^\S+$/.test(text)) throw new TemplateDecodeError('bad address')
    return text
  }
  throw new TemplateDecodeError('bad address tag')
}

// --- candidates -----------------------------------------------------------------------------

/** Port and address of a candidate line (for the m= and c= lines' defaults), or `null`. */
export function candidateEndpoint(
  line: string,
): { component: number; address: string; port: string } | null {
  const match = CANDIDATE.exec(line)
  if (!match) return null
  return { component: Number(match[2]), address: match[5] ?? '', port: match[6] ?? '' }
}

/** Writes one candidate line (without `a=`). */
export function writeCandidate(w: ByteWriter, line: string): void {
  const m = CANDIDATE.exec(line)
  const foundation = m?.[1] ?? ''
  const component = canonicalNumber(m?.[2], 65535)
  const priority = canonicalNumber(m?.[4], 0xffffffff)
  const port = canonicalNumber(m?.[6], 65535)
  const rport = m?.[9] === undefined ? 0 : canonicalNumber(m[9], 65535)
  const generation = m?.[11] === undefined ? 0 : canonicalNumber(m[11], 0xffffffff)
  const networkId = m?.[12] === undefined ? 0 : canonicalNumber(m[12], 0xffffffff)
  const networkCost = m?.[13] === undefined ? 0 : canonicalNumber(m[13], 0xffffffff)
  const protocol = m?.[3] ?? ''
  const numbers = [component, priority, port, rport, generation, networkId, networkCost]
  if (!m || numbers.some((n) => n === null) || /[^\x21-\xff]/.test(foundation)) {
    w.varint(RAW)
    w.latin1(line)
    return
  }
  const foundationNumber = canonicalNumber(foundation, 0xffffffff)
  const standardPriority = ((priority ?? 0) & 0xff) === 256 - (component ?? 0)
  const address = m[5] ?? ''
  let flags = TYPES.indexOf(m[7] as (typeof TYPES)[number])
  if (protocol.toLowerCase() === 'tcp') flags |= TCP
  if (protocol !== protocol.toLowerCase()) flags |= UPPER_CASE
  if (m[8] !== undefined) flags |= RADDR
  if (m[11] !== undefined) flags |= generation === 0 ? GENERATION_0 : GENERATION_N
  if (m[12] !== undefined) flags |= NETWORK_ID
  if (m[13] !== undefined) flags |= NETWORK_COST
  if (foundationNumber === null) flags |= FOUNDATION_TEXT
  if (component !== 1) flags |= COMPONENT
  if (!standardPriority) flags |= FULL_PRIORITY
  flags |= TCP_TYPES.indexOf((m[10] ?? '') as (typeof TCP_TYPES)[number]) << TCP_TYPE_SHIFT
  w.varint(flags)
  if (foundationNumber === null) w.latin1(foundation)
  else w.u32(foundationNumber)
  if (flags & COMPONENT) w.varint(component ?? 0)
  if (standardPriority) {
    w.byte((priority ?? 0) >>> 24)
    w.u16(((priority ?? 0) >>> 8) & 0xffff)
  } else w.u32(priority ?? 0)
  writeAddress(w, address)
  w.u16(port ?? 0)
  if (flags & RADDR) {
    if (m[8] === '0.0.0.0' && rport === 0) w.byte(ADDRESS_HIDDEN)
    else {
      writeAddress(w, m[8] ?? '')
      w.u16(rport ?? 0)
    }
  }
  if (flags & GENERATION_N) w.varint(generation ?? 0)
  if (flags & NETWORK_ID) w.varint(networkId ?? 0)
  if (flags & NETWORK_COST) w.varint(networkCost ?? 0)
}

/** Reads one candidate line (without `a=`) that {@link writeCandidate} wrote. */
export function readCandidate(r: ByteReader): string {
  const flags = r.varint()
  if (flags & RAW) {
    const line = r.latin1()
    if (!line.startsWith('candidate:') || /[\r\n]/.test(line)) {
      throw new TemplateDecodeError('bad candidate')
    }
    return line
  }
  if (flags >= RAW * 2) throw new TemplateDecodeError('unknown candidate flags')
  const foundation = flags & FOUNDATION_TEXT ? r.latin1() : String(r.u32())
  if (!/^\S+$/.test(foundation)) throw new TemplateDecodeError('bad foundation')
  const component = flags & COMPONENT ? r.varint() : 1
  let priority: number
  if (flags & FULL_PRIORITY) priority = r.u32()
  else {
    const top = r.byte()
    priority = (top * 0x1000000 + r.u16() * 0x100 + ((256 - component) & 0xff)) >>> 0
  }
  const address = readAddress(r)
  const port = r.u16()
  const protocol = flags & TCP ? 'tcp' : 'udp'
  const type = TYPES[flags & 3] ?? 'host'
  let line = `candidate:${foundation} ${component} ${flags & UPPER_CASE ? protocol.toUpperCase() : protocol} ${priority} ${address} ${port} typ ${type}`
  if (flags & RADDR) {
    const tag = r.byte()
    line +=
      tag === ADDRESS_HIDDEN
        ? ' raddr 0.0.0.0 rport 0'
        : ` raddr ${readAddress(r, tag)} rport ${r.u16()}`
  }
  const tcpType = TCP_TYPES[(flags >> TCP_TYPE_SHIFT) & 3]
  if (tcpType) line += ` tcptype ${tcpType}`
  if (flags & GENERATION_0) line += ' generation 0'
  if (flags & GENERATION_N) line += ` generation ${r.varint()}`
  if (flags & NETWORK_ID) line += ` network-id ${r.varint()}`
  if (flags & NETWORK_COST) line += ` network-cost ${r.varint()}`
  return line
}
