declare module 'virtual:p2p-dev-network' {
  /** The dev server's first network URL (e.g. `https://192.168.1.23:5173/`), or `null`. */
  export const networkUrl: string | null
}
