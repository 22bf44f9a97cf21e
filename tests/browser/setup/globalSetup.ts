import { createSocket } from 'node:dgram'
import type { TestProject } from 'vitest/node'
import { startSignalServer } from '../../../server/signalServer.mjs'

// The development relay, on a free loopback port, for the WebSocket signaling tests.
export default async function setup(project: TestProject) {
  const server = await startSignalServer({ port: 0 })
  project.provide('signalUrl', server.url)
  // A STUN server that never answers: a UDP socket on loopback that drops what it receives.
  const silent = createSocket('udp4')
  silent.on('message', () => {})
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
  project.provide('silentStunUrl', `stun:127.0.0.1:${silent.address().port}`)
  return async () => {
    silent.close()
    await server.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    signalUrl: string
    silentStunUrl: string
  }
}
