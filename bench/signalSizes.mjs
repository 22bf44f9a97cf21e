// Signal sizes for `npm run bench`: the compact offer and answer with the kit's defaults (one host
// and one server-reflexive candidate) and with 18 candidates, against the tutorial's bundle of the
// same descriptions, and the QR version of the offer's share link (error correction M).
// The descriptions are captured Chromium ones (tests/fixtures/sdpDefaults.ts).

/** @param {import('vite').ViteDevServer} server */
export async function measureSignalSizes(server) {
  const { encodeCompactSignal } = await server.ssrLoadModule('/src/core/compactSignal.ts')
  const { signalLink } = await server.ssrLoadModule('/src/core/signalLink.ts')
  const { withCandidates, tutorialBundleOf, qrVersionOf } = await server.ssrLoadModule(
    '/tests/fixtures/sdpDefaults.ts',
  )
  const link = (offer) => signalLink(offer, 'https://192.168.1.23:5173/')
  const rows = []
  for (const candidates of [2, 18]) {
    const row = { candidates }
    for (const kind of ['offer', 'answer']) {
      const bundle = withCandidates(kind, candidates)
      const answers = kind === 'answer' ? 0x1234abcd : null
      const template = await encodeCompactSignal(bundle, answers)
      const deflated = await encodeCompactSignal(bundle, answers, { version: 1 })
      row[kind] = {
        tutorialChars: tutorialBundleOf(bundle).length,
        templateChars: template.length,
        deflateChars: deflated.length,
        format: template.slice(0, 4),
      }
    }
    const offer = await encodeCompactSignal(withCandidates('offer', candidates))
    row.linkChars = link(offer).length
    row.qrVersion = qrVersionOf(link(offer))
    row.deflateQrVersion = qrVersionOf(
      link(await encodeCompactSignal(withCandidates('offer', candidates), null, { version: 1 })),
    )
    rows.push(row)
  }
  return rows
}
