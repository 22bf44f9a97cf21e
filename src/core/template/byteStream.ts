// The byte and bit streams of the template signal. A reader that runs out, or meets a value that
// cannot be, throws a `TemplateDecodeError`, which the decoder turns into a signal error.

/** A template signal that cannot be read: cut off, or changed. */
export class TemplateDecodeError extends Error {}

const fail = (what: string): never => {
  throw new TemplateDecodeError(what)
}

/** Writes bytes, varints and strings. */
export class ByteWriter {
  private readonly bytes: number[] = []

  byte(value: number): void {
    this.bytes.push(value & 0xff)
  }

  /** Unsigned LEB128: 7 bits a byte, low bits first. */
  varint(value: number): void {
    let rest = value
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80)
      rest = Math.floor(rest / 0x80)
    }
    this.bytes.push(rest)
  }

  u16(value: number): void {
    this.bytes.push((value >>> 8) & 0xff, value & 0xff)
  }

  u32(value: number): void {
    this.bytes.push(
      (value >>> 24) & 0xff,
      (value >>> 16) & 0xff,
      (value >>> 8) & 0xff,
      value & 0xff,
    )
  }

  raw(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.bytes.push((values[i] ?? 0) & 0xff)
  }

  /** A Latin-1 string, its length first (callers check that every code unit is below 256). */
  latin1(text: string): void {
    this.varint(text.length)
    for (let i = 0; i < text.length; i++) this.bytes.push(text.charCodeAt(i))
  }

  get length(): number {
    return this.bytes.length
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

/** Reads what a {@link ByteWriter} wrote. */
export class ByteReader {
  private at = 0

  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    const value = this.bytes[this.at++]
    return value ?? fail('cut off')
  }

  varint(): number {
    let value = 0
    let scale = 1
    for (let i = 0; i < 8; i++) {
      const byte = this.byte()
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
    }
    return fail('varint too long')
  }

  /** A count of items that each take at least one byte: never more than the bytes left. */
  count(): number {
    const value = this.varint()
    return value > this.left ? fail('count beyond the end') : value
  }

  u16(): number {
    return (this.byte() << 8) | this.byte()
  }

  u32(): number {
    return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0
  }

  raw(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) fail('cut off')
    const out = this.bytes.subarray(this.at, this.at + length)
    this.at += length
    return out
  }

  latin1(): string {
    const bytes = this.raw(this.count())
    let out = ''
    for (const byte of bytes) out += String.fromCharCode(byte)
    return out
  }

  /** What is left, without reading it. */
  peek(): Uint8Array {
    return this.bytes.subarray(this.at)
  }

  get left(): number {
    return this.bytes.length - this.at
  }
}

/** Writes variable-length bit codes, most significant bit first. */
export class BitWriter {
  private readonly bits: number[] = []

  write(bits: string): void {
    for (const bit of bits) this.bits.push(bit === '1' ? 1 : 0)
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.bits.length / 8))
    this.bits.forEach((bit, i) => {
      if (bit) out[i >> 3] = (out[i >> 3] ?? 0) | (0x80 >> (i & 7))
    })
    return out
  }
}

/** Reads bits from a byte array. */
export class BitReader {
  private at = 0

  constructor(private readonly bytes: Uint8Array) {}

  bit(): number {
    const byte = this.bytes[this.at >> 3] ?? fail('cut off')
    const bit = (byte >> (7 - (this.at & 7))) & 1
    this.at++
    return bit
  }

  /** Whole bytes read so far (a partly read byte counts). */
  get bytesRead(): number {
    return Math.ceil(this.at / 8)
  }
}
