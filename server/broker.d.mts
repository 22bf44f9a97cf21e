/** The development accounts of server/mosquitto/passwd (user → password). */
export const BROKER_ACCOUNTS: { alice: string; bob: string; guest: string }

/** The mosquitto binary, or `null` when it is not installed. */
export function findMosquitto(): string | null

/** Starts mosquitto with the repository's password file and ACL on the given ports. */
export function startBroker(options?: {
  wsPort?: number
  plainPort?: number
  log?: (line: string) => void
}): Promise<{
  url: string
  pid: number
  kill: (signal?: NodeJS.Signals) => Promise<void>
  stop: () => Promise<void>
}>

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number>
