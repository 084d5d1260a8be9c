// Flipt's official JavaScript client SDK (@flipt-io/flipt-client-js, Node.js build) against a Flagstaff server,
// driven by ClientStreamIT. It evaluates locally (Flipt's own evaluation engine, compiled to WebAssembly) on the
// namespace snapshot it fetches from /internal/v1/evaluation/snapshot/namespace/{key} and refetches every
// `updateInterval` seconds (0.5.1 has no streaming mode).
//
//   node follow.mjs <url> <clientToken> <namespace> <booleanFlag> <variantFlag> <entityCount>
//
// Prints one JSON line per event on stdout:
//   {"ready":true,"enabled":<bool>,"variants":{"e0":"…",…}}   after init: the boolean flag for entity "e", and the
//                                                              variant flag for entities e0…e<entityCount-1>
//   {"changed":true,"enabled":<bool>,"millis":<n>}             when the boolean flag's value changes (n: ms since
//                                                              the line "go" was read on stdin)
// then exits. It gives up (exit 3) 20 s after "go" without a change.
import { FliptClient } from '@flipt-io/flipt-client-js';
import readline from 'node:readline';

const [url, token, namespace, booleanFlag, variantFlag, entityCount] = process.argv.slice(2);
const client = await FliptClient.init({
  url, namespace, updateInterval: 1, authentication: { clientToken: token },
});
const enabled = () => client.evaluateBoolean({ flagKey: booleanFlag, entityId: 'e', context: {} }).enabled;
const variants = {};
for (let i = 0; i < Number(entityCount); i++) {
  variants['e' + i] = client.evaluateVariant({ flagKey: variantFlag, entityId: 'e' + i, context: {} }).variantKey;
}
const initial = enabled();
console.log(JSON.stringify({ ready: true, enabled: initial, variants }));

const input = readline.createInterface({ input: process.stdin });
for await (const line of input) {
  if (line.trim() !== 'go') continue;
  const start = Date.now();
  const poll = setInterval(() => {
    const now = enabled();
    if (now !== initial) {
      console.log(JSON.stringify({ changed: true, enabled: now, millis: Date.now() - start }));
      clearInterval(poll);
      client.close();
      process.exit(0);
    } else if (Date.now() - start > 20000) {
      console.log(JSON.stringify({ changed: false }));
      client.close();
      process.exit(3);
    }
  }, 20);
}
