/**
 * Opaque page cursors: a small JSON array, its UTF-16 code units written as base64url, so a
 * cursor survives a URL, a form field or a JSON response unchanged and says nothing to whoever
 * holds it. Decoding never throws: a damaged cursor is `undefined`.
 *
 * @since 0.1.0
 */

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const lookup = new Map([...alphabet].map((c, i) => [c, i] as const))

const toBase64Url = (bytes: ReadonlyArray<number>): string => {
  let out = ""
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1] ?? 0
    const b2 = bytes[i + 2] ?? 0
    const n = (b0 << 16) | (b1 << 8) | b2
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2
    for (let c = 0; c < chars; c++) out += alphabet[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

const fromBase64Url = (text: string): Array<number> | undefined => {
  if (text.length % 4 === 1) return undefined
  const bytes: Array<number> = []
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4)
    let n = 0
    for (let c = 0; c < 4; c++) {
      const ch = chunk[c]
      const v = ch === undefined ? 0 : lookup.get(ch)
      if (v === undefined) return undefined
      n |= v << (18 - 6 * c)
    }
    bytes.push((n >> 16) & 255)
    if (chunk.length > 2) bytes.push((n >> 8) & 255)
    if (chunk.length > 3) bytes.push(n & 255)
  }
  return bytes
}

/** Encodes a JSON-able value as an opaque cursor. */
export const encodeCursor = (value: unknown): string => {
  const text = JSON.stringify(value)
  const bytes: Array<number> = []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes.push(unit >> 8, unit & 255)
  }
  return toBase64Url(bytes)
}

/** Decodes a cursor made by {@link encodeCursor}; `undefined` when it is not one. */
export const decodeCursor = (cursor: string): unknown => {
  const bytes = fromBase64Url(cursor)
  if (bytes === undefined || bytes.length % 2 !== 0) return undefined
  let text = ""
  for (let i = 0; i < bytes.length; i += 2) text += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0))
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
