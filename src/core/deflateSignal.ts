import { SDP_DICTIONARY } from './sdpDictionary.js'

// The body of a deflate signal (`p2p1`): the content after a dictionary step, deflated with the
// browser's own streams. A lazy chunk of its own (compactSignal.ts imports it when a deflate
// signal is written or read), so the main bundle carries neither the dictionary nor this code.

// Code units the dictionary substitution uses: 0x80 + index. Browser SDPs are ASCII, so none occurs.
const CODE_BASE = 0x80

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

/**
 * `content` deflated; `dictionary` says whether the dictionary step was used (ASCII content only).
 *
 * @example
 * const { bytes, dictionary } = await deflateContent(pc.localDescription.sdp)
 */
export async function deflateContent(
  content: string,
): Promise<{ bytes: Uint8Array; dictionary: boolean }> {
  const dictionary = isAscii(content)
  const body = dictionary ? latin1(substitute(content)) : new TextEncoder().encode(content)
  return { bytes: await pipe(body, new CompressionStream('deflate-raw')), dictionary }
}

/**
 * The content of a deflated body (throws on a body that does not inflate: a cut-off copy).
 *
 * @example
 * const sdp = await inflateContent(body, true)
 */
export async function inflateContent(
  body: Uint8Array,
  dictionary: number | boolean,
): Promise<string> {
  const bytes = await pipe(body, new DecompressionStream('deflate-raw'))
  return dictionary ? expand(fromLatin1(bytes)) : new TextDecoder().decode(bytes)
}
