import { crc32 } from './crc32.js'

// The ids a remote description names its media by — stream ids, track ids, RTCP CNAMEs and the
// origin's session id — rewritten to short ones derived from what stays the same for the whole
// connection. Every remote description goes through it (the first, from any signal, and each
// renegotiation, in band), so the ids the browser sees never change during a call. The template
// signal then need not carry them: its decoder writes the same short ids. Pure and idempotent.

const SHORT_STREAM = /^s[0-9a-f]{8}$/
const SHORT_CNAME = /^c\d+$/

/**
 * The id a remote stream gets once its description went through {@link normalizeMediaIds}: what
 * a remote `MediaStream.id` is, for a stream the other side announced by its own id.
 *
 * @example
 * remoteStreamId('3549a08d-cd66-40bb-8fd2-d3bbf0387244') // 's9c0e…'
 */
export function remoteStreamId(id: string): string {
  if (id === '-' || SHORT_STREAM.test(id)) return id
  return `s${crc32(id).toString(16).padStart(8, '0')}`
}

/**
 * The SDP with its media ids shortened: each stream id to {@link remoteStreamId}, each track id to
 * `t` + the mid of its media section, each CNAME to `c` + its order of appearance, and the origin's
 * session id to `1`. Nothing that the connection negotiates (codecs, extensions, ICE, DTLS,
 * SSRCs) changes.
 *
 * @example
 * await pc.setRemoteDescription({ type, sdp: normalizeMediaIds(sdp) })
 */
export function normalizeMediaIds(sdp: string): string {
  // Lines and the line ends between them, each kept as it is.
  const parts = sdp.split(/(\r?\n)/)
  const lines = parts.filter((_, i) => i % 2 === 0)
  // Each line's media section mid (the session part has none).
  const mids: (string | null)[] = []
  let section = -1
  const sectionMids: string[] = []
  for (const line of lines) {
    if (line.startsWith('m=')) section++
    const mid = /^a=mid:(\S+)$/.exec(line)?.[1]
    if (mid !== undefined && section >= 0 && sectionMids[section] === undefined) {
      sectionMids[section] = mid
    }
  }
  section = -1
  for (const line of lines) {
    if (line.startsWith('m=')) section++
    // A section without a mid (pre-BUNDLE SDP) by its index, apart from every real mid.
    mids.push(section < 0 ? null : (sectionMids[section] ?? `-${section}`))
  }
  // CNAMEs already short keep theirs; every other gets the first short one free.
  const cnames = new Map<string, string>()
  const used = new Set(lines.flatMap((line) => /^a=ssrc:\d+ cname:(c\d+)$/.exec(line)?.[1] ?? []))
  const cnameOf = (cname: string) => {
    if (SHORT_CNAME.test(cname)) return cname
    let short = cnames.get(cname)
    if (short === undefined) {
      let n = 0
      while (used.has(`c${n}`)) n++
      short = `c${n}`
      used.add(short)
      cnames.set(cname, short)
    }
    return short
  }
  const msid = (stream: string, track: string | undefined, mid: string | null) =>
    track === undefined ? remoteStreamId(stream) : `${remoteStreamId(stream)} t${mid ?? ''}`

  return lines
    .map((line, i) => {
      const mid = mids[i] ?? null
      let match = /^o=(\S+) (\d+) (.*)$/.exec(line)
      if (match) return `o=${match[1]} 1 ${match[3]}`
      match = /^a=msid:(\S+)(?: (\S+))?$/.exec(line)
      if (match) return `a=msid:${msid(match[1] ?? '', match[2], mid)}`
      match = /^a=ssrc:(\d+) msid:(\S+)(?: (\S+))?$/.exec(line)
      if (match) return `a=ssrc:${match[1]} msid:${msid(match[2] ?? '', match[3], mid)}`
      match = /^a=ssrc:(\d+) cname:(\S+)$/.exec(line)
      if (match) return `a=ssrc:${match[1]} cname:${cnameOf(match[2] ?? '')}`
      match = /^a=msid-semantic:( ?)WMS((?: \S+)*)$/.exec(line)
      if (match) {
        const ids = (match[2] ?? '')
          .split(' ')
          .filter(Boolean)
          .map((id) => (id === '*' ? id : remoteStreamId(id)))
        return `a=msid-semantic:${match[1]}WMS${ids.map((id) => ` ${id}`).join('')}`
      }
      return line
    })
    .map((line, i) => line + (parts[2 * i + 1] ?? ''))
    .join('')
}

/**
 * A remote description as the connection is given it: its media ids through
 * {@link normalizeMediaIds} (a rollback or an empty description as it is).
 *
 * @example
 * await pc.setRemoteDescription(remoteDescription(signal.sdp))
 */
export function remoteDescription(
  description: RTCSessionDescriptionInit,
): RTCSessionDescriptionInit {
  return description.sdp
    ? { type: description.type, sdp: normalizeMediaIds(description.sdp) }
    : description
}
