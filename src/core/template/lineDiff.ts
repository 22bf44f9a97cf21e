import { ByteReader, ByteWriter, TemplateDecodeError } from './byteStream.js'

// A skeleton as edits of a template: copy n lines, skip n, insert these. A skeleton equal to its
// template is no edit at all (one byte); a browser that writes one line differently costs that
// line. Lines after the last edit are copied.

interface Edit {
  copy: number
  skip: number
  insert: string[]
}

/** The edits that turn `from` into `to` (a longest common subsequence of lines). */
export function diffLines(from: readonly string[], to: readonly string[]): Edit[] {
  const n = from.length
  const m = to.length
  const width = m + 1
  // lengths[i * width + j]: the longest common subsequence of from[i..] and to[j..].
  const lengths = new Uint16Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        from[i] === to[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0)
    }
  }
  const edits: Edit[] = []
  let current: Edit = { copy: 0, skip: 0, insert: [] }
  let i = 0
  let j = 0
  const push = () => {
    edits.push(current)
    current = { copy: 0, skip: 0, insert: [] }
  }
  while (i < n || j < m) {
    if (i < n && j < m && from[i] === to[j]) {
      if (current.skip > 0 || current.insert.length > 0) push()
      current.copy++
      i++
      j++
    } else if (
      j < m &&
      (i >= n || (lengths[i * width + j + 1] ?? 0) >= (lengths[(i + 1) * width + j] ?? 0))
    ) {
      current.insert.push(to[j] ?? '')
      j++
    } else {
      if (current.insert.length > 0) push()
      current.skip++
      i++
    }
  }
  // Trailing template lines are copied by default: only a skip or an insert needs its edit.
  if (current.skip > 0 || current.insert.length > 0) push()
  else if (current.copy > 0 && edits.length === 0) return []
  return edits
}

/** Writes edits. */
export function writeEdits(w: ByteWriter, edits: readonly Edit[]): void {
  w.varint(edits.length)
  for (const edit of edits) {
    w.varint(edit.copy)
    w.varint(edit.skip)
    w.varint(edit.insert.length)
    for (const line of edit.insert) w.latin1(line)
  }
}

/** Reads edits and applies them to `template`. */
export function readEdited(r: ByteReader, template: readonly string[]): string[] {
  const out: string[] = []
  let at = 0
  const edits = r.count()
  for (let e = 0; e < edits; e++) {
    const copy = r.varint()
    const skip = r.varint()
    if (at + copy + skip > template.length) throw new TemplateDecodeError('edit beyond template')
    out.push(...template.slice(at, at + copy))
    at += copy + skip
    const inserts = r.count()
    for (let k = 0; k < inserts; k++) {
      const line = r.latin1()
      if (/[\r\n]/.test(line)) throw new TemplateDecodeError('bad line')
      out.push(line)
    }
  }
  out.push(...template.slice(at))
  return out
}
