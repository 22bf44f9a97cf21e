let table: Uint32Array | undefined

function crcTable(): Uint32Array {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
}

/**
 * CRC-32 (IEEE, as in zip and PNG) of a string's UTF-16 code units masked to 8 bits, which is
 * exact for the ASCII text of an SDP. Used as a signal's checksum and id, not for security.
 *
 * @example
 * crc32('123456789') // 0xcbf43926
 */
export function crc32(text: string): number {
  table ??= crcTable()
  let crc = 0xffffffff
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    crc = (table[(crc ^ code) & 0xff] ?? 0) ^ (crc >>> 8)
    // Non-ASCII code units also feed their high byte, so every character counts.
    if (code > 0xff) crc = (table[(crc ^ (code >>> 8)) & 0xff] ?? 0) ^ (crc >>> 8)
  }
  return (crc ^ 0xffffffff) >>> 0
}
