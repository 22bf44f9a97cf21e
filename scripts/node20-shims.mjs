// Vitest 5 targets Node 22 and prints failures with Map.groupBy (Node 21+). This machine has Node 20,
// so the test runner preloads this shim (NODE_OPTIONS) — it never reaches the kit or the browser.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function groupBy(items, keyOf) {
    const groups = new Map()
    let index = 0
    for (const item of items) {
      const key = keyOf(item, index++)
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
    return groups
  }
}
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function groupBy(items, keyOf) {
    const groups = Object.create(null)
    let index = 0
    for (const item of items) (groups[keyOf(item, index++)] ??= []).push(item)
    return groups
  }
}
