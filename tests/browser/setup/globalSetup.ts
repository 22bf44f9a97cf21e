import type { TestProject } from 'vitest/node'
import { startSignalServer } from '../../../server/signalServer.mjs'

// The development relay, on a free loopback port, for the WebSocket signaling tests.
export default async function setup(project: TestProject) {
  const server = await startSignalServer({ port: 0 })
  project.provide('signalUrl', server.url)
  return () => server.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    signalUrl: string
  }
}
