// What each part of an app's bundle costs: `npm run bench:size-parts -- hooks` (an app using only
// the hooks) or `-- videocall` (an app using <VideoCall />); `--modules` lists every module too.
// Bundles that app from the sources the way bench/sizes.mjs does (React external, minified),
// then, for each part, removes the bytes the source map gives its modules and gzips again: what
// leaving that part out alone would save. Gzip shares its dictionary between parts, so the
// figures add up to less than the total. What the app loads up front and the session's call
// engine (a chunk loaded at the first call) are reported apart. `--without REGEX` also prints
// what is left without the modules it names.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { SourceMapConsumer } from 'source-map-js'
import { buildApp, EXTERNAL, loadedWith } from './sizes.mjs'

const ROOT = new URL('..', import.meta.url).pathname
const APPS = {
  hooks:
    'export { usePeerConnection, useLocalMedia, useConnectionState } from "../../../src/index.ts"',
  videocall: 'export { VideoCall } from "../../../src/index.ts"',
}
// The parts the README's table names; a module in none of them is listed as it is.
const PARTS = [
  [
    "the session's root (its snapshot, phases, options, API)",
    /^core\/(session\/sessionSnapshot|peerSession|peerSessionTypes|store|phase|connectionConfig)\./,
  ],
  [
    'the connection (transport, perfect negotiation, the call, its runner, the engine)',
    /^core\/(session\/(transport|negotiation|call|callRunner|callEngine|stepError)|sdpSending)\./,
  ],
  [
    'the signal codec',
    /^core\/(compactSignal|signalCodec|sdpMediaIds|signalShape|signalMessage|base43|crc32|sdpCandidates|session\/pasteExchange)\./,
  ],
  ['the English error texts', /^core\/errors\./],
  ['copy-paste calls', /^core\/session\/(pasteCalls|gatheringBudget|prewarm)\./],
  ['camera and microphone', /^(core\/localMedia|hooks\/useLocalMedia)\./],
  ['channel calls and the path chooser', /^core\/session\/(channelCalls|messenger|signalPath)\./],
  ['recovery', /^core\/session\/(callRecovery|recovery|networkWatch)\./],
  ['screen share and the security code', /^core\/(session\/screenShare|securityCode)\./],
  [
    'layout, lobby, call stage, ended card, Details',
    /^prefabs\/(VideoCallLayout|Lobby|CallStage|EndedCard|DetailsPanel|sessionParts|MediaBar|VideoCall|quietSession|useQuietView|ChunkErrorBoundary)\./,
  ],
  [
    'signal fields, QR code, scanner, share link',
    /^(prefabs\/signalFields|components\/(SignalQrCode|QrScanner|qrDecoder|LocalSignalBox|RemoteSignalInput|copyText|SignalFormatPicker|GatheringProgress)|core\/signalLink)\./,
  ],
  [
    'media controls (self view, toggles, devices, level)',
    /^(components\/(SelfView|MediaToggles|DevicePickers|DeviceMenu|AudioLevelMeter|DeviceStatusList|StreamVideo|VideoTile|RemoteMediaBadges)|core\/(audioLevel|mediaDevices))\./,
  ],
  ['the English labels', /^components\/labels\./],
  [
    'signaling choice, WebSocket and same-browser channels',
    /^(components\/SignalingPicker|core\/(webSocketSignaling|broadcastSignaling)|hooks\/useSignalingChannel)\./,
  ],
  ['icons', /^components\/(Icon|IconButton)\./],
  ['the hooks themselves', /^hooks\/(?!useLocalMedia|useSignalingChannel)/],
]

const app = process.argv[2] ?? 'hooks'
// `--without REGEX`: what is left once every module whose path (under src/) matches is left out,
// e.g. what a chunk boundary could at best take off the first load (no boundary costs counted).
// Two names stand for the README's figures: `later`, every module <VideoCall />'s first screen
// (the lobby's preview, its media bar and the way into a call) does not show; `later+text`, those
// and the English error texts and labels.
const LATER =
  'prefabs/(CallStage|EndedCard|DetailsPanel|signalFields|quietSession|useQuietView|sessionParts)|' +
  'components/(SignalQrCode|QrScanner|qrDecoder|LocalSignalBox|RemoteSignalInput|copyText|' +
  'SignalFormatPicker|GatheringProgress|DeviceMenu|DevicePickers|DeviceStatusList|RemoteMediaBadges|' +
  'SecurityCode|ConnectionStatePanel|RemoteVideo)|core/(compactSignal|signalCodec|sdpMediaIds|' +
  'signalShape|signalMessage|base43|crc32|sdpCandidates|signalLink|webSocketSignaling|' +
  'broadcastSignaling|callActions)|hooks/(useSignalingChannel|useConnectionState)'
const WITHOUT = {
  later: `^(${LATER})\\.`,
  'later+text': `^(${LATER}|core/errors|components/labels)\\.`,
}
const withoutArg = process.argv.indexOf('--without')
const withoutName = withoutArg > 0 ? process.argv[withoutArg + 1] : null
/** The pattern `--without` names, or a message that says what to give instead. */
function withoutPatternOf(name) {
  if (!name || name.startsWith('--')) {
    console.error(`--without needs ${Object.keys(WITHOUT).join(' | ')} or a regex of module paths`)
    process.exit(2)
  }
  try {
    return new RegExp(WITHOUT[name] ?? name)
  } catch (error) {
    console.error(
      `--without ${name}: not a regex (${error.message}); give ${Object.keys(WITHOUT).join(' | ')} or a regex such as '^prefabs/CallStage\\.'`,
    )
    process.exit(2)
  }
}
const withoutPattern = withoutArg > 0 ? withoutPatternOf(withoutName) : null
if (!(app in APPS)) {
  console.error(`Which app? npm run bench:size-parts -- ${Object.keys(APPS).join(' | ')}`)
  process.exit(2)
}
const cache = join(ROOT, 'node_modules/.cache')
mkdirSync(cache, { recursive: true })
const dir = mkdtempSync(join(cache, 'p2p-parts-'))
const gzip = (text) => gzipSync(text, { level: 9 }).length
try {
  writeFileSync(join(dir, 'entry.js'), APPS[app])
  await buildApp(join(dir, 'entry.js'), join(dir, 'out'), [...EXTERNAL, /^qr/], true)
  // The entry and the chunks it imports statically: what the app loads up front.
  const out = join(dir, 'out')
  const files = readdirSync(out).filter((f) => f.endsWith('.js'))
  const eager = loadedWith(out, ['entry.js'])
  // Each file's text as lines, and the spans (line, start, end) each source module wrote.
  const bundleOf = (file) => {
    const text = readFileSync(join(out, file), 'utf8')
    const lines = text.split('\n')
    const map = new SourceMapConsumer(JSON.parse(readFileSync(join(out, `${file}.map`), 'utf8')))
    const mappings = []
    map.eachMapping((m) => mappings.push(m))
    mappings.sort(
      (a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn,
    )
    const spans = new Map()
    mappings.forEach((m, i) => {
      const next = mappings[i + 1]
      const line = m.generatedLine - 1
      const end =
        next?.generatedLine === m.generatedLine ? next.generatedColumn : lines[line].length
      const source = (m.source ?? '?')
        .replace(/^.*\/src\//, '')
        .replace(/^.*node_modules\//, 'npm:')
      if (!spans.has(source)) spans.set(source, [])
      spans.get(source).push([line, m.generatedColumn, end])
    })
    return { text, lines, spans }
  }
  const kB = (bytes) => (bytes / 1000).toFixed(1).padStart(5)

  /** Prints what each part and module of `bundles` costs: what cutting it alone would save. */
  function report(title, bundles) {
    const total = bundles.reduce((sum, b) => sum + gzip(b.text), 0)
    const without = (members) =>
      bundles.reduce((sum, { lines, spans }) => {
        const cut = lines.map((line) => [...line])
        for (const m of members) for (const [l, st, e] of spans.get(m) ?? []) cut[l].fill('', st, e)
        return sum + gzip(cut.map((chars) => chars.join('')).join('\n'))
      }, 0)
    const modules = new Set(bundles.flatMap((b) => [...b.spans.keys()]))
    console.log(`\n${title}: ${kB(total)} kB min+gzip`)
    if (withoutPattern) {
      const cut = [...modules].filter((m) => withoutPattern.test(m))
      console.log(`${kB(without(cut))} kB  without the ${cut.length} modules --without names:`)
      console.log(`         ${cut.sort().join(', ') || '(none)'}`)
    }
    const listed = new Set()
    for (const [name, pattern] of PARTS) {
      const members = [...modules].filter((m) => pattern.test(m))
      if (members.length === 0) continue
      members.forEach((m) => listed.add(m))
      console.log(`${kB(total - without(members))} kB  ${name}`)
    }
    const saved = [...modules].map((m) => [m, total - without([m])])
    for (const [module, bytes] of saved.sort((a, b) => b[1] - a[1])) {
      if (bytes >= 50 && !listed.has(module)) console.log(`${kB(bytes)} kB  ${module} (in no part)`)
    }
    if (process.argv.includes('--modules')) {
      for (const [module, bytes] of saved)
        if (bytes >= 50) console.log(`  ${kB(bytes)} kB  ${module}`)
    }
  }

  console.log(`${app} (each figure: what leaving that part out alone would save)`)
  report('up front', [...eager].map(bundleOf))
  // The session's call engine, a chunk of its own loaded at the first call step or prepare (with
  // the chunks it imports that are not loaded up front).
  const engine = [
    ...loadedWith(
      out,
      files.filter((f) => /^callEngine/.test(f)),
      eager,
    ),
  ]
  if (engine.length > 0) report('the call engine (loaded at the first call)', engine.map(bundleOf))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
