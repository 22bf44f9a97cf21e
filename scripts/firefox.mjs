// Firefox ESR headless with fake media, for the SDP capture and the cross-engine calls: the
// preferences of its throwaway profile (see ../shared/testing.md). Playwright cannot drive
// Debian's Firefox, so pages report back over HTTP.

/** `user.js` preferences: fake camera and microphone, no prompts, loopback candidates, quiet. */
export const FIREFOX_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'browser.shell.checkDefaultBrowser': false,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
}
