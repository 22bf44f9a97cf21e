// Installed before React loads (bench/index.html): a minimal React DevTools hook that counts, for
// every commit, which named function components rendered in it. A component rendered when its fiber
// is new or its props or state object changed since the last commit (the way React DevTools' "why
// did this render" tells, without the extension).
;(() => {
  const seen = new WeakMap()
  const counts = new Map()
  let commits = 0
  const nameOf = (type) =>
    typeof type === 'function'
      ? type.displayName || type.name
      : type && (type.displayName || type.render?.name || type.type?.name)
  function visit(fiber) {
    for (let node = fiber; node; node = node.sibling) {
      const name = (node.tag === 0 || node.tag === 11 || node.tag === 15) && nameOf(node.type)
      if (name) {
        const before = seen.get(node) ?? (node.alternate && seen.get(node.alternate))
        if (!before || before.props !== node.memoizedProps || before.state !== node.memoizedState) {
          counts.set(name, (counts.get(name) ?? 0) + 1)
        }
        const now = { props: node.memoizedProps, state: node.memoizedState }
        seen.set(node, now)
        if (node.alternate) seen.set(node.alternate, now)
      }
      if (node.child) visit(node.child)
    }
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
    onCommitFiberRoot(_id, root) {
      commits++
      visit(root.current.child)
    },
  }
  window.renderCounter = {
    reset() {
      counts.clear()
      commits = 0
    },
    read: () => ({ commits, renders: Object.fromEntries(counts) }),
  }
})()
