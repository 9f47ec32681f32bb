// Checks on this computer, with Web Crypto, that the log entry on the page is in the signed log:
// leaf hash (RFC 6962) → inclusion proof (RFC 9162 §2.1.3.2) → the checkpoint's root, whose signed note
// must carry a valid Ed25519 signature of the pinned log key. The key is pinned in this browser on first
// use: a different key later is reported, not trusted.
const enc = new TextEncoder();
const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (s) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const leafHash = (entry) => sha256(concat(Uint8Array.of(0), entry));
const nodeHash = (l, r) => sha256(concat(Uint8Array.of(1), l, r));

async function rootFromProof(index, size, leaf, proof) {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let h = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      h = await nodeHash(p, h);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else h = await nodeHash(h, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? h : undefined;
}

/** The note's text when one signature line is a valid Ed25519 signature of the verifier key. */
async function openNote(note, vkey) {
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  const [name, keyIdHex, keyB64] = [vkey.slice(0, first), vkey.slice(first + 1, second), vkey.slice(second + 1)];
  const keyData = unb64(keyB64);
  if (keyData[0] !== 1 || keyData.length !== 33) throw new Error('geen Ed25519-sleutel');
  const key = await crypto.subtle.importKey('raw', keyData.slice(1), { name: 'Ed25519' }, false, ['verify']);
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  for (const line of note.slice(split + 2).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const blob = unb64(m[2]);
    if (hex(blob.slice(0, 4)) !== keyIdHex) continue;
    if (await crypto.subtle.verify({ name: 'Ed25519' }, key, blob.slice(4), enc.encode(text))) return text;
  }
  throw new Error('geen geldige handtekening');
}

function pinned(vkey) {
  try {
    const known = localStorage.getItem('knooppunt-logsleutel');
    if (!known) localStorage.setItem('knooppunt-logsleutel', vkey);
    return !known || known === vkey;
  } catch {
    return true;
  }
}

async function verify(el) {
  const index = Number(el.dataset.index);
  const size = Number(el.dataset.grootte);
  // Without the entry's text (it holds what this officer may not read) the proof starts at its leaf hash.
  const leaf = el.dataset.tekst === undefined ? unhex(el.dataset.leaf) : await leafHash(enc.encode(el.dataset.tekst));
  if (hex(leaf) !== el.dataset.leaf) return 'de regel past niet bij zijn hash';
  if (!pinned(el.dataset.sleutel)) return 'de sleutel van het log is anders dan eerder op deze computer';
  const text = await openNote(el.dataset.note, el.dataset.sleutel);
  const [, noteSize, rootB64] = text.split('\n');
  if (Number(noteSize) !== size) return 'het controlepunt hoort bij een ander log';
  const proof = (el.dataset.bewijs ? el.dataset.bewijs.split(',') : []).map(unhex);
  const root = await rootFromProof(index, size, leaf, proof);
  if (!root || hex(root) !== hex(unb64(rootB64))) return 'het bewijs klopt niet';
  return undefined;
}

const el = document.getElementById('bewijs');
const out = document.getElementById('bewijs-browser');
if (el && out) {
  verify(el).then(
    (problem) => {
      out.textContent = problem
        ? `Niet geverifieerd: ${problem}.`
        : 'Geverifieerd op uw eigen computer: deze regel staat in het ondertekende log.';
      out.className = problem ? 'kp-verdict kp-verdict--fout' : 'kp-verdict kp-verdict--ok';
      out.dataset.uitkomst = problem ? 'fout' : 'geverifieerd';
    },
    () => {
      out.textContent =
        'Deze browser kan het bewijs niet zelf controleren (Ed25519 ontbreekt). Zie de controle door de server hierboven.';
      out.dataset.uitkomst = 'onbekend';
    },
  );
}
