import basicSsl from '@vitejs/plugin-basic-ssl'
import { mergeConfig } from 'vite'
import base from './vite.config.ts'

// `npm run start:https`: the demo over HTTPS on every interface, so a phone on the same Wi-Fi
// opens it as a secure context (camera and microphone need one; plain http at a network address
// is not). The development certificate is self-signed (@vitejs/plugin-basic-ssl): a browser asks
// once to accept it. Vite prints the Network addresses another device can open.
export default mergeConfig(base, {
  plugins: [basicSsl({ name: 'react-p2p-call-dev' })],
  server: { host: true },
  preview: { host: true },
})
