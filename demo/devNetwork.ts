import type { Plugin, ViteDevServer } from 'vite'

// The dev server's address on the network, for the demo's share links: a page opened at
// localhost would otherwise hand out links (and QR codes) that only this computer can open.
// `import { networkUrl } from 'virtual:p2p-dev-network'` gives the first network URL the server
// listens on (`npm run start:https`, or `npm start -- --host`), or `null` (loopback only, or a build).

const ID = 'virtual:p2p-dev-network'

/** The plugin behind `virtual:p2p-dev-network`. */
export function devNetwork(): Plugin {
  let server: ViteDevServer | undefined
  return {
    name: 'p2p-dev-network',
    configureServer(dev) {
      server = dev
    },
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined
      // A home or office network's address before a container bridge's or a VPN's.
      const urls = server?.resolvedUrls?.network ?? []
      const rank = (url: string) =>
        /\/\/192\.168\./.test(url)
          ? 0
          : /\/\/10\./.test(url)
            ? 1
            : /\/\/172\.17\./.test(url)
              ? 3
              : 2
      const url = [...urls].sort((a, b) => rank(a) - rank(b))[0] ?? null
      return `export const networkUrl = ${JSON.stringify(url)}`
    },
  }
}
