#!/usr/bin/env node
// CI's size budget: fails when the kit's bundle grows past it. `npm run check:size`.
// Budgets are minified + gzip bytes (bench/sizes.mjs); raise one only with a reason in the commit.
import { measureSizes } from '../bench/sizes.mjs'

const BUDGETS = {
  // 2026-11-24: 21.2 / 17.3 / 10.7 kB with compact signals, link and QR; then 26.8 / 22.6 / 11.6 kB
  // with media controls, device pickers, call stats, timeline, debug report and security code;
  // 27.6 / 23.4 / 12.0 kB with per-device status and host-candidate stripping; 28.1 / 23.8 / 12.0
  // kB when the quality level began to look at the last polls and at what the other side actually
  // receives (it said "fair" at the start of every call); 28.3 / 24.0 / 12.2 kB with the warm-up
  // (`prepare`, `prewarm`: click → signal 41 ms instead of 147); 28.4 kB with the screen-after-glare
  // fix; 28.8 / 24.4 / 12.5 kB with the Description-only format (other tools' `{type, sdp}`) and
  // the browser's own reason under an error; 35.2 / 29.7 / 12.5 kB with the call UI of issue 11
  // (lobby, guided steps, call stage, self view, control bar, device menus, level meter, Details,
  // 33 new strings in two languages, 13 icons ≈ 1.1 kB); 36.1 / 30.6 / 13.1 kB with recovery
  // (the path chooser, the ICE-restart loop, the WebSocket channel's reconnect and queue);
  // 37.2 / 31.5 / 13.4 kB with MQTT broker in Signaling (four error codes with their text in two
  // languages, Broker URL / Username / Password, the lazy loader; the channel and mqtt.js stay in
  // `react-p2p-call/mqtt`, 2.9 kB + 98.3 kB, loaded only when chosen); the whole entry 32.7 kB
  // once Chinese moved to `react-p2p-call/locales/zh-CN` (5.0 kB, its own entry); 33.3 / 32.1 /
  // 14.0 kB with the session split into modules (transport, screen share, recovery, paste exchange,
  // messenger, warm-up): their interfaces are property names a minifier keeps. Not a feature: the
  // price of the structure, to be won back by the size work of "One owner per concern".
  // 35.0 / 33.8 / 15.4 kB with the template signal (issue "Signals of a few hundred characters"):
  // media ids normalized on every remote description, base43 and the QR form of a signal, the
  // reader of p2p2 headers, the STUN-aware gathering budget; the templates and their codec are a
  // lazy chunk of their own (8.6 kB), loaded at the first compact signal. 36.3 / 35.0 kB with
  // the phone round trip (issue "A phone can join"): Scan QR code (QrScanner, its camera and
  // decoder choice; jsQR itself is a lazy chunk), Share, the link-host notes, nine strings in two
  // languages. 36.5 / 35.2 / 15.5 kB with the review's fixes (the scanner stops its camera and
  // worker whatever fails; a template chunk that cannot load falls back; free short CNAMEs).
  // 2026-12-02, issue "One owner per concern": the session split into its owners (callRunner,
  // call, pasteCalls, channelCalls, networkWatch) cost 0.6 kB; the deflate signal's dictionary and
  // steps then became a lazy chunk (1.3 kB, loaded with the templates'), which won back 1.1 kB:
  // 36.3 / 35.0 / 15.0 kB, and 15.6 kB for an app using only the hooks (target 8 kB).
  // Then the measure itself was fixed: it had left out chunks the entry imports statically (a
  // module shared with a lazy chunk is split into one), so every figure rose by up to 0.5 kB.
  // With the heavy half of Details (stats poller and panel, timeline, debug report) a lazy chunk,
  // the paste read ahead and the store's hold: 36.8 / 32.5 / 15.2 kB, hooks 15.8 kB.
  // 37.0 / 32.7 kB when a lazy chunk that cannot load says so (the QR code: use Copy; Details: its
  // diagnostics, tried again at the next opening; an error boundary and two strings).
  // 37.1 / 32.8 kB when opening Details on a phone brings its sheet into view (it sat below the
  // fold of a tall lobby).
  // 2026-12-06, issue "One owner per concern", connect time: 37.5 / 33.1 / 16.0 / 15.4 kB
  // (+0.2–0.3 each): the caller gives the other person's receivers' tracks to their video while
  // the browser applies the answer (sendingMids, call.expectRemote), the call view is made ahead
  // while a signal waits, and an unmounted video lets go of its stream when the page is idle.
  // Moving the deflate signal's framing into its lazy chunk was tried to pay for it: the chunk
  // then shares the error texts with the entry, and the split cost more (+0.4 kB) than it saved.
  // 37.5 / 33.1 kB (+3 and +36 bytes over) when Complete connection shows the call at the click
  // and keeps the lobby behind it until the answer is applied (a refusal shows it again; hidden,
  // its preview is only its video).
  // A lazy signal codec for the session was tried the same day: an app using only the hooks fell
  // to 14.4 kB, but the codec, shared with the components, became a chunk of its own and the
  // bundle with <VideoCall /> grew by 0.9 kB; not landed.
  // 38.1 / 33.7 kB (+0.6 each; the hooks and the core unchanged) for the call view that stands
  // still from the Complete connection click to the first frame (quietSession, useQuietView, the
  // call view's Connecting bar): 0.92× / 0.84× the connect time of the commit before it.
  // 2026-12-06: the budgets now hold what npm publishes (bench/sizes.mjs bundles the library
  // build, laid out as in node_modules), not the sources. It showed that the published build, one
  // file for the whole kit, tree-shook worse than the sources: an app using only the hooks got
  // 30.5 kB, with <VideoCall /> 37.4 kB. The build now keeps one file per module
  // (preserveModules, vite.lib.config.ts): 16.0 and 33.7 kB, as from the sources.
  // Then +0.1 kB for the whole and <VideoCall /> with the player set up before the click
  // (incomingStream; 0.97× the connect time of the commit before, 30 runs): 38.22 / 33.84 kB.
  // Each raise came with a feature.
  // Then the session's call engine (the connection, the paste and channel calls, recovery, screen
  // share: session/callEngine.ts and what it composes) became a chunk loaded when a call is first
  // asked for or prepared: 33.9 / 28.6 / 6.5 / 9.3 kB (the target for the hooks, 8 kB, is
  // met), the engine 11.2 kB (1.6 kB more than it saved: what the chunk boundary costs).
  // 2026-12-06, the 15 kB for <VideoCall />: two splits of its views into a chunk loaded as it
  // mounts were measured (`npm run bench:first-paint -- --against 7cc34fd`) and not landed. All
  // but the lobby (14.8 kB up front): Create offer came 0.29–0.37 s later, the first paint no
  // sooner. Only what shows later (23.3 kB up front, 5.8 kB chunk): Create offer 20–45 ms later
  // in three rotations (four more small shared chunks in the app's first load), 0.5 kB more in all.
  // Then +0.17 kB for the whole and <VideoCall /> (34.08 / 28.67 kB) and +0.05 for the engine
  // (11.26): the callee's view held at `connected` (QuietSession.holdAt) and the security code
  // worked out ahead, 0.89× the connect time of the commit before (`bench:connect`, 30 runs).
  // 2026-12-07: +0.5 kB for the engine (11.3 → 11.8 kB, 31.9 → 33.6 kB min): a connection that
  // gathers no candidate in 3 s gives way to a new one (gatheringStuck; a channel call starts over
  // and the other side answers the new connection; a pasted signal waits for it). Nothing up front.
  // Then +15 bytes for the engine (11.79 → 11.81 kB) and +5 for <VideoCall />: the templates'
  // chunk is kept once loaded, so reading an answer at the Complete connection click waits for no
  // turn of the task queue (an app from the hooks: click → setRemoteDescription 11 → 5 ms).
  // The target for the whole is 10 kB.
  'react-p2p-call (whole entry)': 34_100,
  'react-p2p-call (an app using <VideoCall />)': 28_700,
  'react-p2p-call (an app using only the hooks)': 6_500,
  'the call engine (lazy chunk, at the first call or prepare)': 11_850,
  'react-p2p-call core (createPeerSession + codec)': 9_400,
  'template signal codec (lazy chunk)': 8_800,
  'deflate signal codec (lazy chunk)': 1_400,
  // 3.0 kB with the review's fixes (a goodbye before close still goes out; presence and signals in
  // one ordered chain; a newcomer with a slow clock re-stamps itself after the retained presences).
  'react-p2p-call/mqtt (its own code)': 3_200,
  // 5.22 kB with the text of ERR_CALL_MODULE (the call engine's chunk could not load).
  'react-p2p-call/locales/zh-CN': 5_300,
}

const sizes = await measureSizes()
let failed = false
for (const { name, minBytes, gzipBytes } of sizes) {
  const budget = BUDGETS[name]
  if (budget === undefined) continue
  const over = gzipBytes > budget
  failed ||= over
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${name}: ${(gzipBytes / 1000).toFixed(1)} kB gzip (${(minBytes / 1000).toFixed(1)} kB min), budget ${(budget / 1000).toFixed(1)} kB`,
  )
}
if (failed) {
  console.error('\nA bundle is over its size budget (scripts/check-size.mjs). Make it smaller.')
  process.exit(1)
}
