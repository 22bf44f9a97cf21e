export function startSignalServer(options?: {
  port?: number
  host?: string
  log?: (line: string) => void
}): Promise<{ url: string; close: () => Promise<void> }>
